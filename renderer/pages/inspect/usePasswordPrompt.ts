/**
 * Which document the password dialog is asking about. A locked file asks by itself only when the files
 * being opened have all arrived and it is the newest of them: a prompt never pops up over a file opened
 * after it (that file's "Enter password" button asks instead). A prompt that asked by itself gives way to a
 * newer file until a password was tried in it; an open prompt stays while its file is locked.
 */
import { useEffect, useRef, useState } from 'react';
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
    const newest = documents.at(-1);
    const asks = newest && newest.status === 'locked' && arrived.current.has(newest.id) ? newest.id : null;
    arrived.current.clear();
    asked.current = null;
    setDocId(asks);
  }, [documents, docId, settled]);

  const doc = documents.find((d) => d.id === docId && d.lock) ?? null;
  return {
    doc,
    ask: (id) => {
      asked.current = id;
      setDocId(id);
    },
    dismiss: () => {
      asked.current = null;
      setDocId(null);
    },
  };
}
