/**
 * The open documents as main reports them, plus the actions that change them. The documents live in main and
 * every page shows the same ones: the state is one store per client, shared by every page that uses this hook
 * (a file opened on the Convert page is in Inspect too); calls in flight and failures belong to each page.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiMethod, ApiRequest } from '../../../main/api/contract';
import type { ErrorInfo, WorkbenchState } from '../../../main/api/dto';
import { errorInfoOf, type RendererClient } from '../../api/client';
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

interface DocumentStore {
  get(): WorkbenchState;
  set(state: WorkbenchState): void;
  subscribe(listener: () => void): () => void;
  /** Why the first listing failed, once: the first page to ask reports it. */
  takeLoadFailure(): Promise<ErrorInfo | null>;
}

const EMPTY: WorkbenchState = { documents: [], matchGroups: [] };
const stores = new WeakMap<RendererClient, DocumentStore>();

function storeFor(client: RendererClient): DocumentStore {
  const known = stores.get(client);
  if (known) return known;
  let state = EMPTY;
  const listeners = new Set<() => void>();
  const set = (next: WorkbenchState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  // A listing answered after a newer state arrived (an open raced it) must not roll the list back.
  let changed = false;
  let loadFailure = client.call('documents.list', {}).then(
    (listed) => {
      if (!changed) set(listed);
      return null;
    },
    (e: unknown) => errorInfoOf(e),
  );
  client.on('documents.changed', (next) => {
    changed = true;
    set(next);
  });
  const store: DocumentStore = {
    get: () => state,
    set: (next) => {
      changed = true;
      set(next);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    takeLoadFailure: () => {
      const first = loadFailure;
      loadFailure = Promise.resolve(null);
      return first;
    },
  };
  stores.set(client, store);
  return store;
}

export function useWorkbench(): WorkbenchModel {
  const client = useClient();
  const store = storeFor(client);
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [pending, setPending] = useState(0);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    void store.takeLoadFailure().then((f) => live && f && setFailure(f));
    return () => {
      live = false;
    };
  }, [store]);

  const run = useCallback(
    async <M extends StateMethod>(method: M, request: ApiRequest<M>) => {
      setPending((n) => n + 1);
      try {
        const next = (await client.call(method, request)) as WorkbenchState;
        store.set(next);
        return next;
      } catch (e) {
        setFailure(errorInfoOf(e));
        return null;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [client, store],
  );

  return { state, pending, failure, clearFailure: useCallback(() => setFailure(null), []), run };
}
