/**
 * The orders list as the page keeps it: main's list, then every 'acme.order' event and method answer merged in.
 * Events and answers can cross on the wire, so an older picture of an order never replaces a newer one.
 */
import type { AcmeOrderDto } from '../../../main/api/dto';
import { FINISHED } from './steps';

/** b is at least as new as a: later updatedAt, or the same moment with no fewer timeline steps. */
export function isNewer(a: AcmeOrderDto, b: AcmeOrderDto): boolean {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  if (tb !== ta) return tb > ta;
  return b.timeline.length >= a.timeline.length;
}

const newestFirst = (a: AcmeOrderDto, b: AcmeOrderDto) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id);

export function upsertOrder(list: readonly AcmeOrderDto[], order: AcmeOrderDto): AcmeOrderDto[] {
  const known = list.find((o) => o.id === order.id);
  if (known && !isNewer(known, order)) return list as AcmeOrderDto[];
  return [...list.filter((o) => o.id !== order.id), order].sort(newestFirst);
}

/** A fresh listing from main, keeping any order the page has seen newer than the listing says. */
export function mergeListing(list: readonly AcmeOrderDto[], listed: readonly AcmeOrderDto[]): AcmeOrderDto[] {
  return listed.map((o) => {
    const known = list.find((k) => k.id === o.id);
    return known && !isNewer(known, o) ? known : o;
  }).sort(newestFirst);
}

export const unfinished = (list: readonly AcmeOrderDto[]) => list.filter((o) => !FINISHED.has(o.state));

export type OrderAction = 'open' | 'resume' | 'renew' | 'revoke' | 'remove' | 'cancel';

/** What the orders list offers for an order in its state. */
export function actionsFor(order: Pick<AcmeOrderDto, 'state' | 'busy'>): OrderAction[] {
  const out: OrderAction[] = ['open'];
  if (order.state === 'error' && !order.busy) out.push('resume');
  if (order.state === 'issued' || order.state === 'revoked' || order.state === 'invalid' || order.state === 'cancelled') out.push('renew');
  if (order.state === 'issued') out.push('revoke');
  if (!FINISHED.has(order.state)) out.push('cancel');
  if (!order.busy) out.push('remove');
  return out;
}

/** RFC 5280 reason codes acme.revoke takes, in the user's words. */
export const REVOKE_REASONS: readonly { code: 0 | 1 | 3 | 4 | 5; label: string }[] = [
  { code: 0, label: 'No reason given' },
  { code: 1, label: 'The key was compromised (leaked, copied, lost)' },
  { code: 4, label: 'Superseded: replaced by a new certificate' },
  { code: 3, label: 'The organisation or names changed' },
  { code: 5, label: 'The service was shut down' },
];
