/**
 * The workbench's open documents, for choosing certificates and keys to put in a keystore, and opening more
 * files (by path in Electron, by content in the browser) as the Inspector does. Through the Inspector's
 * useWorkbench, so a file opened here is the same document everywhere.
 */
import { useCallback } from 'react';
import type { DocumentDto, ErrorInfo, WorkbenchState } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { openRequestsFor } from '../inspect/readFiles';
import { useWorkbench } from '../inspect/useWorkbench';

export interface OpenDocumentsModel {
  documents: DocumentDto[];
  /** Opens the files; answers the documents they became (new ones only), or null when the call failed (`failure`). */
  openFiles(files: File[]): Promise<DocumentDto[] | null>;
  /** Electron: the paths the native dialog chose. */
  openPaths(paths: string[]): Promise<DocumentDto[] | null>;
  /** The document after the attempt (still locked when the password was wrong), or null when the call failed. */
  unlock(documentId: string, password: string): Promise<DocumentDto | null>;
  failure: ErrorInfo | null;
  clearFailure(): void;
}

export function useOpenDocuments(): OpenDocumentsModel {
  const client = useClient();
  const wb = useWorkbench();
  const { run, state } = wb;

  const fresh = (before: WorkbenchState, after: WorkbenchState | null) => {
    if (!after) return null;
    const known = new Set(before.documents.map((d) => d.id));
    return after.documents.filter((d) => !known.has(d.id));
  };

  const openFiles = useCallback(
    async (files: File[]) => {
      let after: WorkbenchState | null = state;
      for (const r of await openRequestsFor(files, client)) {
        after = r.kind === 'paths' ? await run('documents.openPaths', { paths: r.paths }) : await run('documents.openData', { name: r.name, dataBase64: r.dataBase64 });
        if (!after) break;
      }
      return fresh(state, after);
    },
    [client, run, state],
  );

  const openPaths = useCallback(async (paths: string[]) => fresh(state, await run('documents.openPaths', { paths })), [run, state]);

  const unlock = useCallback(
    async (documentId: string, password: string) => {
      const after = await run('documents.unlock', { documentId, password });
      return after?.documents.find((d) => d.id === documentId) ?? null;
    },
    [run],
  );

  return { documents: state.documents, openFiles, openPaths, unlock, failure: wb.failure, clearFailure: wb.clearFailure };
}
