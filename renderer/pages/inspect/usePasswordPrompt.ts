/**
 * Which document the password dialog is asking about: locked files ask by themselves; a keystore listed
 * without its password asks when the user says so. Cancel leaves it locked until asked again.
 */
import { useEffect, useState } from 'react';
import type { DocumentDto } from '../../../main/api/dto';

export interface PasswordPromptModel {
  doc: DocumentDto | null;
  ask(documentId: string): void;
  dismiss(): void;
}

export function usePasswordPrompt(documents: DocumentDto[]): PasswordPromptModel {
  const [docId, setDocId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const current = documents.find((d) => d.id === docId);
    if (current?.lock) return;
    const next = documents.find((d) => d.status === 'locked' && !dismissed.has(d.id));
    setDocId(next?.id ?? null);
  }, [documents, docId, dismissed]);

  const doc = documents.find((d) => d.id === docId && d.lock) ?? null;
  return {
    doc,
    ask: (id) => {
      setDismissed((s) => new Set([...s].filter((x) => x !== id)));
      setDocId(id);
    },
    dismiss: () => {
      if (docId) setDismissed((s) => new Set(s).add(docId));
      setDocId(null);
    },
  };
}
