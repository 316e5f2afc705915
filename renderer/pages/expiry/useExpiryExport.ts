/** Writing the last scan (or a digest of it) into the chosen folder; a file already there asks before it is replaced. */
import { useState } from 'react';
import type { ErrorInfo, ExpiryExportFormat, ExpiryFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { useReplaceableWrite } from '../../components/useReplaceableWrite';

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
  const write = useReplaceableWrite<ExportRequest>(async (request, overwrite) => {
    const result = await client.call('expiry.export', {
      format: request.format,
      ...(request.digest ? { digest: request.digest } : {}),
      destination: { folder: request.folder, fileName: request.fileName, ...(overwrite ? { overwrite: true } : {}) },
    });
    // Newest first; a replaced file is listed once.
    setWritten((list) => [...result.written, ...list.filter((f) => !result.written.some((w) => w.path === f.path))]);
  });
  return { written, error: write.error, exists: write.exists, busy: write.busy, run: write.run, keep: write.keep };
}
