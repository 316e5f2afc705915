/**
 * The workbench's open documents, for choosing certificates and keys to put in a keystore, and opening more
 * files (by path in Electron, by content in the browser) as the Inspector does.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentDto, ErrorInfo, WorkbenchState } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { openRequestsFor } from '../inspect/readFiles';
import type { Outcome } from './useKeystores';

export interface OpenDocumentsModel {
  documents: DocumentDto[];
  /** Opens the files; answers the documents they became (new ones only). */
  openFiles(files: File[]): Promise<Outcome<DocumentDto[]>>;
  /** Electron: the paths the native dialog chose. */
  openPaths(paths: string[]): Promise<Outcome<DocumentDto[]>>;
  unlock(documentId: string, password: string): Promise<Outcome<DocumentDto | null>>;
  failure: ErrorInfo | null;
}

export function useOpenDocuments(): OpenDocumentsModel {
  const client = useClient();
  const [documents, setDocuments] = useState<DocumentDto[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    client.call('documents.list', {}).then((s) => setDocuments(s.documents), (e: unknown) => setFailure(errorInfoOf(e)));
    return client.on('documents.changed', (s) => setDocuments(s.documents));
  }, [client]);

  const fresh = useCallback((before: Set<string>, state: WorkbenchState) => {
    setDocuments(state.documents);
    return state.documents.filter((d) => !before.has(d.id));
  }, []);

  const openFiles = useCallback(
    async (files: File[]): Promise<Outcome<DocumentDto[]>> => {
      try {
        const before = new Set((await client.call('documents.list', {})).documents.map((d) => d.id));
        let state: WorkbenchState | null = null;
        for (const r of await openRequestsFor(files, client)) {
          state = r.kind === 'paths' ? await client.call('documents.openPaths', { paths: r.paths }) : await client.call('documents.openData', { name: r.name, dataBase64: r.dataBase64 });
        }
        return { ok: true, value: state ? fresh(before, state) : [] };
      } catch (e) {
        return { ok: false, error: errorInfoOf(e) };
      }
    },
    [client, fresh],
  );

  const openPaths = useCallback(
    async (paths: string[]): Promise<Outcome<DocumentDto[]>> => {
      try {
        const before = new Set((await client.call('documents.list', {})).documents.map((d) => d.id));
        return { ok: true, value: fresh(before, await client.call('documents.openPaths', { paths })) };
      } catch (e) {
        return { ok: false, error: errorInfoOf(e) };
      }
    },
    [client, fresh],
  );

  const unlock = useCallback(
    async (documentId: string, password: string): Promise<Outcome<DocumentDto | null>> => {
      try {
        const state = await client.call('documents.unlock', { documentId, password });
        setDocuments(state.documents);
        return { ok: true, value: state.documents.find((d) => d.id === documentId) ?? null };
      } catch (e) {
        return { ok: false, error: errorInfoOf(e) };
      }
    },
    [client],
  );

  return { documents, openFiles, openPaths, unlock, failure };
}
