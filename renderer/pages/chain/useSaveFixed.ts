/**
 * Saving a report's fixed chain (chain.saveFixed) into the output folder: the file written, or the error;
 * EXISTS is kept apart so the page can ask "Replace …?" and save again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { useReplaceableWrite } from '../../components/useReplaceableWrite';

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
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const [savedReportId, setSavedReportId] = useState<string | null>(null);
  const write = useReplaceableWrite<SaveRequest>(async (request, overwrite) => {
    const result = await client.call('chain.saveFixed', overwrite ? { ...request, destination: { ...request.destination, overwrite: true } } : request);
    setWritten(result.written);
    setSavedReportId(request.reportId);
  });
  const { run, clear } = write;

  const save = useCallback((request: SaveRequest) => run(request, request.destination.overwrite ?? false), [run]);
  const reset = useCallback(() => {
    setWritten(null);
    setSavedReportId(null);
    clear();
  }, [clear]);

  return { saving: write.busy, written, savedReportId, error: write.error, exists: write.exists, save, replace: write.replace, cancelReplace: write.keep, reset };
}
