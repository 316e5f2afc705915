/**
 * Opening files from the Convert page: through the Inspector's read path (the documents live in main and
 * show in Inspect too), then the password of each locked file it opened, one after the other.
 */
import { useCallback, useState } from 'react';
import type { DocumentDto, WorkbenchState } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { openRequestsFor } from '../inspect/readFiles';
import type { WorkbenchModel } from '../inspect/useWorkbench';

export interface ConvertFilesModel {
  /** Opens the files; resolves to the ids of the documents they became. */
  open(files: File[]): Promise<string[]>;
  opening: boolean;
  /** The locked document whose password is being asked, if any. */
  asking: DocumentDto | null;
  ask(documentId: string): void;
  unlock(password: string): Promise<void>;
  unlocking: boolean;
  dismiss(): void;
}

const newIds = (before: WorkbenchState, after: WorkbenchState) => {
  const known = new Set(before.documents.map((d) => d.id));
  return after.documents.filter((d) => !known.has(d.id)).map((d) => d.id);
};

export function useConvertFiles(wb: WorkbenchModel): ConvertFilesModel {
  const client = useClient();
  const [opening, setOpening] = useState(0);
  const [queue, setQueue] = useState<string[]>([]);
  const [unlocking, setUnlocking] = useState(false);

  const open = useCallback(
    async (files: File[]) => {
      const opened: string[] = [];
      setOpening((n) => n + 1);
      try {
        let before = wb.state;
        for (const r of await openRequestsFor(files, client)) {
          const next = r.kind === 'paths' ? await wb.run('documents.openPaths', { paths: r.paths }) : await wb.run('documents.openData', { name: r.name, dataBase64: r.dataBase64 });
          if (!next) continue;
          opened.push(...newIds(before, next).filter((id) => !opened.includes(id)));
          before = next;
          // A locked file, or a keystore listed without its password (its keys need it): ask.
          const locked = next.documents.filter((d) => opened.includes(d.id) && d.lock !== null).map((d) => d.id);
          if (locked.length) setQueue((q) => [...q, ...locked.filter((id) => !q.includes(id))]);
        }
      } finally {
        setOpening((n) => n - 1);
      }
      return opened;
    },
    [client, wb],
  );

  const asking = wb.state.documents.find((d) => d.id === queue[0] && d.lock) ?? null;
  const first = queue[0];
  const dismiss = useCallback(() => setQueue((q) => q.slice(1)), []);
  const ask = useCallback((documentId: string) => setQueue((q) => [documentId, ...q.filter((id) => id !== documentId)]), []);
  const unlock = useCallback(
    async (password: string) => {
      if (!first) return;
      setUnlocking(true);
      const next = await wb.run('documents.unlock', { documentId: first, password });
      setUnlocking(false);
      if (!next?.documents.find((d) => d.id === first)?.lock) setQueue((q) => q.filter((id) => id !== first));
    },
    [first, wb],
  );

  return { open, opening: opening > 0, asking, ask, unlock, unlocking, dismiss };
}
