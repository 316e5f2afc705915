/**
 * Saving a report's fixed chain (chain.saveFixed) into the output folder: the file written, or the error;
 * EXISTS is kept apart so the page can ask "Replace …?" and save again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export type SaveRequest = ApiRequest<'chain.saveFixed'>;

export interface SaveFixedModel {
  saving: boolean;
  written: WrittenFileDto[] | null;
  /** The report the written file came from. */
  savedReportId: string | null;
  error: ErrorInfo | null;
  exists: { error: ErrorInfo; request: SaveRequest } | null;
  save(request: SaveRequest): Promise<void>;
  replace(): Promise<void>;
  cancelReplace(): void;
  reset(): void;
}

export function useSaveFixed(): SaveFixedModel {
  const client = useClient();
  const [saving, setSaving] = useState(false);
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const [savedReportId, setSavedReportId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState<SaveFixedModel['exists']>(null);

  const save = useCallback(
    async (request: SaveRequest) => {
      setSaving(true);
      setError(null);
      setExists(null);
      try {
        const result = await client.call('chain.saveFixed', request);
        setWritten(result.written);
        setSavedReportId(request.reportId);
      } catch (e) {
        const info = errorInfoOf(e);
        if (info.code === 'EXISTS' && !request.destination.overwrite) setExists({ error: info, request });
        else setError(info);
      } finally {
        setSaving(false);
      }
    },
    [client],
  );

  const replace = useCallback(async () => {
    if (!exists) return;
    await save({ ...exists.request, destination: { ...exists.request.destination, overwrite: true } });
  }, [exists, save]);

  const reset = useCallback(() => {
    setWritten(null);
    setSavedReportId(null);
    setError(null);
    setExists(null);
  }, []);

  return { saving, written, savedReportId, error, exists, save, replace, cancelReplace: useCallback(() => setExists(null), []), reset };
}
