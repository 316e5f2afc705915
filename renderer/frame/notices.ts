/** The ACME notices the banner shows: newest first, one per order (a later notice replaces its order's earlier one), a few at most. */
import type { AcmeNoticeDto } from '../../main/api/dto';

export const MAX_NOTICES = 5;

export function addNotice(list: readonly AcmeNoticeDto[], notice: AcmeNoticeDto): AcmeNoticeDto[] {
  return [notice, ...list.filter((n) => n.orderId !== notice.orderId)].slice(0, MAX_NOTICES);
}
