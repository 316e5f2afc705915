/** Writing the last scan (or a digest of it) into the chosen folder; a file already there asks before it is replaced. */
import { useCallback, useState } from 'react';
import type { ErrorInfo, ExpiryExportFormat, ExpiryFileDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface ExportRequest {
  format: ExpiryExportFormat;
  digest: 'daily' | 'monthly' | null;
  folder: string;
  fileName: string;
}

export interface ExportModel {
  written: ExpiryFileDto[];
  error: ErrorInfo | null;
  /** The file is there already: the request waits for Replace or Keep. */
  exists: { request: ExportRequest; error: ErrorInfo } | null;
  busy: boolean;
  run(request: ExportRequest, overwrite?: boolean): Promise<void>;
  keep(): void;
}

export function useExpiryExport(): ExportModel {
  const client = useClient();
  const [written, setWritten] = useState<ExpiryFileDto[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState<ExportModel['exists']>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (request: ExportRequest, overwrite = false) => {
      setBusy(true);
      setError(null);
      try {
        const result = await client.call('expiry.export', {
          format: request.format,
          ...(request.digest ? { digest: request.digest } : {}),
          destination: { folder: request.folder, fileName: request.fileName, ...(overwrite ? { overwrite: true } : {}) },
        });
        setExists(null);
        // Newest first; a replaced file is listed once.
        setWritten((list) => [...result.written, ...list.filter((f) => !result.written.some((w) => w.path === f.path))]);
      } catch (e) {
        const info = errorInfoOf(e);
        if (info.code === 'EXISTS' && !overwrite) setExists({ request, error: info });
        else {
          setExists(null);
          setError(info);
        }
      } finally {
        setBusy(false);
      }
    },
    [client],
  );

  return { written, error, exists, busy, run, keep: () => setExists(null) };
}
