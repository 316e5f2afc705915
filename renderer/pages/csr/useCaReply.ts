/** "I got my certificate back": the reply's documents, csr.caReply over them, and its answer or error. */
import { useCallback, useState } from 'react';
import type { CaReplyDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface CaReplyModel {
  documentIds: string[];
  reply: CaReplyDto | null;
  error: ErrorInfo | null;
  checking: boolean;
  check(documentIds: string[]): Promise<void>;
  reset(): void;
}

export function useCaReply(): CaReplyModel {
  const client = useClient();
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [reply, setReply] = useState<CaReplyDto | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [checking, setChecking] = useState(false);

  const check = useCallback(
    async (ids: string[]) => {
      setDocumentIds(ids);
      setReply(null);
      setError(null);
      if (ids.length === 0) return;
      setChecking(true);
      try {
        setReply(await client.call('csr.caReply', { documentIds: ids }));
      } catch (e) {
        setError(errorInfoOf(e));
      } finally {
        setChecking(false);
      }
    },
    [client],
  );
  const reset = useCallback(() => {
    setDocumentIds([]);
    setReply(null);
    setError(null);
  }, []);
  return { documentIds, reply, error, checking, check, reset };
}
