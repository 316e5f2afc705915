/** The open documents as main reports them, plus the actions that change them. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WorkbenchState } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

type StateMethod = Exclude<ApiMethod, 'app.info' | 'operations.cancel'>;

export interface WorkbenchModel {
  state: WorkbenchState;
  /** Calls in flight (the UI stays usable; this only drives spinners). */
  pending: number;
  /** The last call that failed as a whole (a per-document problem shows on the document instead). */
  failure: ErrorInfo | null;
  clearFailure(): void;
  run<M extends StateMethod>(method: M, request: ApiRequest<M>): Promise<WorkbenchState | null>;
}

export function useWorkbench(): WorkbenchModel {
  const client = useClient();
  const [state, setState] = useState<WorkbenchState>({ documents: [], matchGroups: [] });
  const [pending, setPending] = useState(0);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    client.call('documents.list', {}).then(setState, (e: unknown) => setFailure(errorInfoOf(e)));
    return client.on('documents.changed', setState);
  }, [client]);

  const run = useCallback(
    async <M extends StateMethod>(method: M, request: ApiRequest<M>) => {
      setPending((n) => n + 1);
      try {
        const next = (await client.call(method, request)) as WorkbenchState;
        setState(next);
        return next;
      } catch (e) {
        setFailure(errorInfoOf(e));
        return null;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [client],
  );

  return { state, pending, failure, clearFailure: useCallback(() => setFailure(null), []), run };
}
