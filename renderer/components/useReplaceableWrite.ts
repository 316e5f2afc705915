/**
 * A write that never overwrites without consent: main answers EXISTS, the page asks "Replace …?", and Replace
 * runs the same request again with overwrite. One place for that flow (the Chain doctor's fixed chain, Expiry
 * exports); the page's hook keeps only what it wrote.
 */
import { useCallback, useRef, useState } from 'react';
import type { ErrorInfo } from '../../main/api/dto';
import { errorInfoOf } from '../api/client';

export interface ReplaceableWrite<Req> {
  busy: boolean;
  error: ErrorInfo | null;
  /** The file is there already: the request waits for Replace or Keep. */
  exists: { request: Req; error: ErrorInfo } | null;
  run(request: Req, overwrite?: boolean): Promise<void>;
  replace(): Promise<void>;
  keep(): void;
  /** Forgets the error and any pending question. */
  clear(): void;
}

/** `write` does the call and records what was written; it throws main's error (EXISTS included). */
export function useReplaceableWrite<Req>(write: (request: Req, overwrite: boolean) => Promise<void>): ReplaceableWrite<Req> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState<ReplaceableWrite<Req>['exists']>(null);
  const latest = useRef(write);
  latest.current = write;

  const run = useCallback(async (request: Req, overwrite = false) => {
    setBusy(true);
    setError(null);
    setExists(null);
    try {
      await latest.current(request, overwrite);
    } catch (e) {
      const info = errorInfoOf(e);
      if (info.code === 'EXISTS' && !overwrite) setExists({ request, error: info });
      else setError(info);
    } finally {
      setBusy(false);
    }
  }, []);

  const replace = useCallback(async () => {
    if (exists) await run(exists.request, true);
  }, [exists, run]);
  const keep = useCallback(() => setExists(null), []);
  const clear = useCallback(() => {
    setError(null);
    setExists(null);
  }, []);

  return { busy, error, exists, run, replace, keep, clear };
}
