/**
 * Which document the password dialog is asking about. Locked files ask by themselves once the files being
 * opened together have all arrived, one after the other, in the order opened; only the files of the latest
 * open ask, so a prompt never pops up for a file opened before a newer one (its "Enter password" button asks
 * instead). A prompt that asked by itself gives way to a newer file until a password was tried in it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDto } from '../../../main/api/dto';

export interface PasswordPromptModel {
  doc: DocumentDto | null;
  ask(documentId: string): void;
  dismiss(): void;
}

/** `settled`: no open of files is in progress (a batch of files arrives one by one). */
export function usePasswordPrompt(documents: DocumentDto[], settled: boolean): PasswordPromptModel {
  const [docId, setDocId] = useState<string | null>(null);
  const seen = useRef<Set<string>>(new Set());
  /** Documents that arrived since the last time everything settled. */
  const arrived = useRef<Set<string>>(new Set());
  /** Locked files of the latest open still to ask, in open order. */
  const queue = useRef<string[]>([]);
  /** The document the user asked about (its button), as opposed to one that asked by itself. */
  const asked = useRef<string | null>(null);

  useEffect(() => {
    for (const d of documents) {
      if (seen.current.has(d.id)) continue;
      seen.current.add(d.id);
      arrived.current.add(d.id);
    }
    const open = documents.find((d) => d.id === docId && d.lock);
    const newerArrived = open !== undefined && documents.slice(documents.indexOf(open) + 1).some((d) => arrived.current.has(d.id));
    const overtaken = open !== undefined && asked.current !== open.id && (open.lock?.attempts ?? 0) === 0 && newerArrived;
    if (open && !overtaken) return;
    if (!settled) {
      if (overtaken) setDocId(null);
      return;
    }
    if (arrived.current.size > 0) {
      // A new open replaces what was waiting to ask: older files no longer ask by themselves.
      queue.current = documents.filter((d) => arrived.current.has(d.id) && d.status === 'locked').map((d) => d.id);
      arrived.current.clear();
    }
    queue.current = queue.current.filter((id) => id !== docId && documents.some((d) => d.id === id && d.status === 'locked'));
    asked.current = null;
    setDocId(queue.current[0] ?? null);
  }, [documents, docId, settled]);

  const doc = documents.find((d) => d.id === docId && d.lock) ?? null;
  // Stable callbacks: the list's memoized file headers receive `ask` and must not re-render on every change.
  const ask = useCallback((id: string) => {
    asked.current = id;
    setDocId(id);
  }, []);
  const dismiss = useCallback(() => {
    setDocId((current) => {
      queue.current = queue.current.filter((id) => id !== current);
      return null;
    });
    asked.current = null;
  }, []);
  return { doc, ask, dismiss };
}
