/**
 * A certificate's expiry status from its days left and the thresholds (descending, e.g. [60, 30, 3]).
 * STUB (owner: expiry-scan).
 */
import type { ExpiryStatus } from '../../api/dto';

export const DEFAULT_THRESHOLDS = [60, 30, 3];

/** expired when notAfter has passed; expiring within the largest threshold (threshold = the smallest one it is within); else ok. */
export function expiryStatus(daysLeft: number, thresholds: readonly number[]): { status: Exclude<ExpiryStatus, 'error'>; threshold: number | null } {
  void thresholds;
  return { status: daysLeft < 0 ? 'expired' : 'ok', threshold: null };
}
