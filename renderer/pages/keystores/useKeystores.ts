/**
 * The keystores open for editing, as main reports them, and the calls that change them. Every call answers
 * with the keystore as it is now, which replaces the old copy; a failed call is returned, not thrown, so each
 * dialog can show its error where the user is looking.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../main/api/contract';
import type { ErrorInfo, KeystoreDto, KeystoreState } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export type KeystoreMethod = Extract<ApiMethod, `keystores.${string}`>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface KeystoresModel {
  keystores: KeystoreDto[];
  /** The first list arrived (an intent waits for it: "add to which keystore?" needs the open ones). */
  loaded: boolean;
  /** Calls in flight (drives the progress bar). */
  pending: number;
  call<M extends KeystoreMethod>(method: M, request: ApiRequest<M>): Promise<Outcome<ApiResponse<M>>>;
}

function isState(v: unknown): v is KeystoreState {
  return typeof v === 'object' && v !== null && Array.isArray((v as KeystoreState).keystores);
}

function keystoreIn(v: unknown): KeystoreDto | null {
  if (typeof v !== 'object' || v === null) return null;
  if ('entries' in v && 'kind' in v) return v as KeystoreDto;
  if ('keystore' in v) return (v as { keystore: KeystoreDto }).keystore;
  return null;
}

export function useKeystores(): KeystoresModel {
  const client = useClient();
  const [keystores, setKeystores] = useState<KeystoreDto[]>([]);
  const [pending, setPending] = useState(0);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    client
      .call('keystores.list', {})
      .then((s) => setKeystores(s.keystores))
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, [client]);

  const call = useCallback(
    async <M extends KeystoreMethod>(method: M, request: ApiRequest<M>): Promise<Outcome<ApiResponse<M>>> => {
      setPending((n) => n + 1);
      try {
        const value = await client.call(method, request);
        if (isState(value)) setKeystores(value.keystores);
        else {
          const ks = keystoreIn(value);
          if (ks) setKeystores((list) => (list.some((k) => k.id === ks.id) ? list.map((k) => (k.id === ks.id ? ks : k)) : [...list, ks]));
        }
        return { ok: true, value };
      } catch (e) {
        return { ok: false, error: errorInfoOf(e) };
      } finally {
        setPending((n) => n - 1);
      }
    },
    [client],
  );

  return { keystores, loaded, pending, call };
}
