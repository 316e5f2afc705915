/**
 * Which document the password dialog is asking about. A locked file asks by itself only while it is the
 * newest open file: a prompt never pops up over a file opened after it (that one's "Enter password" button
 * asks again). An open prompt stays while its file is still locked (a wrong password keeps it).
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentDto } from '../../../main/api/dto';

export interface PasswordPromptModel {
  doc: DocumentDto | null;
  ask(documentId: string): void;
  dismiss(): void;
}

export function usePasswordPrompt(documents: DocumentDto[]): PasswordPromptModel {
  const [docId, setDocId] = useState<string | null>(null);
  const seen = useRef<Set<string>>(new Set());
  /** The document the user asked about (its button), as opposed to one that asked by itself. */
  const asked = useRef<string | null>(null);

  useEffect(() => {
    const fresh = documents.filter((d) => !seen.current.has(d.id));
    for (const d of fresh) seen.current.add(d.id);
    const open = documents.find((d) => d.id === docId && d.lock);
    // A prompt that opened by itself gives way to a newer file until something was tried in it.
    const overtaken = open && asked.current !== open.id && (open.lock?.attempts ?? 0) === 0 && fresh.length > 0 && documents.indexOf(open) < documents.length - 1;
    if (open && !overtaken) return;
    const newest = documents.at(-1);
    const asks = newest && newest.status === 'locked' && fresh.includes(newest) ? newest.id : null;
    if (asks !== null) asked.current = null;
    setDocId(asks);
  }, [documents, docId]);

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
