/**
 * A certificate's expiry status from its days left (validityAt's count, the Inspector's) and the thresholds.
 * One rule everywhere: expired once notAfter has passed (daysLeft < 0); expiring when daysLeft is at most the
 * largest threshold, and `threshold` is then the smallest threshold it is within; otherwise ok.
 */
import type { ExpiryStatus } from '../../api/dto';

export const DEFAULT_THRESHOLDS = [60, 30, 3];

export function expiryStatus(daysLeft: number, thresholds: readonly number[]): { status: Exclude<ExpiryStatus, 'error'>; threshold: number | null } {
  if (daysLeft < 0) return { status: 'expired', threshold: null };
  let smallest: number | null = null;
  for (const t of thresholds) if (daysLeft <= t && (smallest === null || t < smallest)) smallest = t;
  return smallest === null ? { status: 'ok', threshold: null } : { status: 'expiring', threshold: smallest };
}
