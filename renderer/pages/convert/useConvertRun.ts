/**
 * Writing the files (convert.run): the progress main reports while it works, the files written, or the
 * error; EXISTS is kept apart so the page can ask "Replace …?" and run again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export type RunRequest = ApiRequest<'convert.run'>;

export interface RunModel {
  running: boolean;
  written: WrittenFileDto[] | null;
  /** The folder the files were written to. */
  folder: string | null;
  error: ErrorInfo | null;
  /** The files exist: waiting for the user to confirm replacing them. */
  exists: { error: ErrorInfo; request: RunRequest } | null;
  run(request: RunRequest): Promise<void>;
  /** The user confirmed: the same request, replacing what is there. */
  replace(): Promise<void>;
  cancelReplace(): void;
  reset(): void;
}

export function useConvertRun(): RunModel {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState<RunModel['exists']>(null);

  const run = useCallback(
    async (request: RunRequest) => {
      setRunning(true);
      setError(null);
      setExists(null);
      try {
        const result = await client.call('convert.run', request);
        setWritten(result.written);
        setFolder(request.destination.folder);
      } catch (e) {
        const info = errorInfoOf(e);
        if (info.code === 'EXISTS' && !request.destination.overwrite) setExists({ error: info, request });
        else setError(info);
      } finally {
        setRunning(false);
      }
    },
    [client],
  );

  const replace = useCallback(async () => {
    if (!exists) return;
    const { request } = exists;
    await run({ ...request, destination: { ...request.destination, overwrite: true } });
  }, [exists, run]);

  const reset = useCallback(() => {
    setWritten(null);
    setFolder(null);
    setError(null);
    setExists(null);
  }, []);

  return { running, written, folder, error, exists, run, replace, cancelReplace: useCallback(() => setExists(null), []), reset };
}
