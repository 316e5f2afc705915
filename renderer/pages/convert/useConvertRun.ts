/**
 * Writing the files (convert.run): the files written, or the error; an EXISTS answer waits for "Replace …?"
 * (useReplaceableWrite) and runs again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { useReplaceableWrite } from '../../components/useReplaceableWrite';

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
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const write = useReplaceableWrite<RunRequest>(async (request, overwrite) => {
    const result = await client.call('convert.run', overwrite ? { ...request, destination: { ...request.destination, overwrite: true } } : request);
    setWritten(result.written);
    setFolder(request.destination.folder);
  });
  const { clear } = write;
  const reset = useCallback(() => {
    setWritten(null);
    setFolder(null);
    clear();
  }, [clear]);

  return {
    running: write.busy,
    written,
    folder,
    error: write.error,
    exists: write.exists,
    run: (request) => write.run(request, request.destination.overwrite === true),
    replace: write.replace,
    cancelReplace: write.keep,
    reset,
  };
}
