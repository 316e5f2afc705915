/**
 * The Expiry page's state: the watchlist with its settings and last scan as main keeps them, and the calls
 * that change it. A failed call leaves the list as it was and says why (`error`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../main/api/contract';
import type { ErrorInfo, ExpirySettingsDto, ExpiryScanDto, WatchlistDto, WatchTargetInput } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface ExpiryModel {
  watchlist: WatchlistDto | null;
  /** Why the last call failed, in main's words. */
  error: ErrorInfo | null;
  clearError(): void;
  busy: boolean;
  scanning: boolean;
  add(targets: WatchTargetInput[]): Promise<boolean>;
  remove(ids: string[]): Promise<void>;
  updateSettings(change: Partial<ExpirySettingsDto>): Promise<void>;
  scan(): Promise<ExpiryScanDto | null>;
}

export function useExpiry(): ExpiryModel {
  const client = useClient();
  const [watchlist, setWatchlist] = useState<WatchlistDto | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(0);
  const [scanning, setScanning] = useState(false);

  const call = useCallback(
    async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M> | null> => {
      setBusy((n) => n + 1);
      try {
        const value = await client.call(method, request);
        setError(null);
        return value;
      } catch (e) {
        setError(errorInfoOf(e));
        return null;
      } finally {
        setBusy((n) => n - 1);
      }
    },
    [client],
  );

  useEffect(() => {
    let live = true;
    void call('expiry.watchlist', {}).then((w) => live && w && setWatchlist(w));
    return () => {
      live = false;
    };
  }, [call]);

  const add = useCallback(
    async (targets: WatchTargetInput[]) => {
      const w = await call('expiry.addTargets', { targets });
      if (w) setWatchlist(w);
      return w !== null;
    },
    [call],
  );
  const remove = useCallback(
    async (ids: string[]) => {
      const w = await call('expiry.removeTargets', { ids });
      if (w) setWatchlist(w);
    },
    [call],
  );
  const updateSettings = useCallback(
    async (change: Partial<ExpirySettingsDto>) => {
      const w = await call('expiry.updateSettings', change);
      if (w) setWatchlist(w);
    },
    [call],
  );
  const scan = useCallback(async () => {
    setScanning(true);
    const result = await call('expiry.scan', {});
    setScanning(false);
    if (result) setWatchlist((w) => (w ? { ...w, lastScan: result } : w));
    return result;
  }, [call]);

  return { watchlist, error, clearError: () => setError(null), busy: busy > 0, scanning, add, remove, updateSettings, scan };
}
