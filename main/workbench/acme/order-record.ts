/** A stored order as the renderer sees it (no URLs it does not need, no key), and the small edits every step makes. */
import type { AcmeAuthorizationDto, AcmeOrderDto, AcmeOrderState } from '../../api/dto';
import { caFor } from '../../pki/acme/directories';
import type { OrderSettings, StoredAuthorization, StoredOrder } from './store';

/** States an order leaves only by the user's hand (or not at all). */
export const FINISHED: ReadonlySet<AcmeOrderState> = new Set(['issued', 'invalid', 'revoked', 'cancelled']);
/** States a restart picks up and continues in the background. */
export const MOVING: ReadonlySet<AcmeOrderState> = new Set(['pending', 'validating', 'ready', 'processing']);

export function newOrderRecord(id: string, settings: OrderSettings, csrPem: string | null, renewalOf: string | null, now: Date): StoredOrder {
  const ca = caFor(settings.directoryUrl);
  const at = now.toISOString();
  return {
    id,
    name: settings.name ?? settings.domains[0],
    directoryUrl: settings.directoryUrl,
    caName: ca.name,
    staging: ca.staging,
    domains: [...settings.domains],
    challenge: settings.challenge,
    mode: settings.mode,
    key: settings.key,
    email: settings.email,
    state: 'pending',
    createdAt: at,
    updatedAt: at,
    orderUrl: null,
    accountUrl: null,
    expiresAt: null,
    authorizations: [],
    timeline: [],
    problem: null,
    result: null,
    renewalOf,
    settings,
    accountId: null,
    finalizeUrl: null,
    csrPem,
    certificateUrl: null,
  };
}

/** Adds a timeline step (in the order's state after the step). */
export function step(order: StoredOrder, message: string, now: Date, state: AcmeOrderState = order.state): void {
  order.state = state;
  order.timeline.push({ at: now.toISOString(), state, message });
}

function authorizationDto(a: StoredAuthorization): AcmeAuthorizationDto {
  return { domain: a.domain, wildcard: a.wildcard, status: a.status, challenge: a.challenge ? { ...a.challenge, ...(a.challenge.check ? { check: { ...a.challenge.check, seen: [...a.challenge.check.seen] } } : {}) } : null };
}

export function orderDto(order: StoredOrder, busy: boolean): AcmeOrderDto {
  return {
    id: order.id,
    name: order.name,
    directoryUrl: order.directoryUrl,
    caName: order.caName,
    staging: order.staging,
    domains: [...order.domains],
    challenge: order.challenge,
    mode: order.mode,
    key: order.key,
    email: order.email,
    state: order.state,
    busy,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    orderUrl: order.orderUrl,
    accountUrl: order.accountUrl,
    expiresAt: order.expiresAt,
    authorizations: order.authorizations.map(authorizationDto),
    timeline: order.timeline.map((s) => ({ ...s })),
    problem: order.problem ? { ...order.problem, subproblems: order.problem.subproblems.map((p) => ({ ...p })) } : null,
    result: order.result ? { ...order.result, san: [...order.result.san], chains: [...order.result.chains], written: order.result.written.map((w) => ({ ...w })) } : null,
    renewalOf: order.renewalOf,
  };
}
