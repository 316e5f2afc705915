/**
 * What the served list (or the files) shows against the chosen path, as SSL Labs reports it and a bit more:
 * intermediates that had to come from elsewhere (MISSING_INTERMEDIATE, "needed an extra download"), the
 * wrong order, unrelated or repeated certificates, and the anchor sent along (CONTAINS_ROOT).
 */
import type { ChainCert } from './chain-cert';
import { certName, issuerName } from './cert-name';
import { holderSends, holderWho, type Diagnosed, type Holder } from './diagnosed';
import type { PoolCert } from './types';
import { listText, plural } from './words';

export interface ServedContext extends Holder {
  /** As sent (or as the files hold them), in order. */
  served: readonly ChainCert[];
  /** The chosen path, leaf first. */
  path: readonly PoolCert[];
  anchored: boolean;
  /** Every certificate on any candidate path (a cross-sign the server sends is not unrelated). */
  onSomePath: ReadonlySet<string>;
}

/** Problems named one by one up to here; the rest are summed up in one more. */
const NAMED = 3;
/** Names listed in one message, at most. */
const LISTED = 10;

/** "A, B, C" or "A, B, ... and 90 more". */
function namesText(names: readonly string[]): string {
  return names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
}

export function servedListProblems(ctx: ServedContext): Diagnosed[] {
  const out: Diagnosed[] = [];
  const servedAt = new Map<string, number>();
  const count = new Map<string, number>();
  ctx.served.forEach((c, i) => {
    if (!servedAt.has(c.sha256)) servedAt.set(c.sha256, i);
    count.set(c.sha256, (count.get(c.sha256) ?? 0) + 1);
  });
  const indexOnPath = new Map(ctx.path.map((p, i) => [p.cert.sha256, i]));
  const last = ctx.path.length - 1;
  const anchorIndex = ctx.anchored && last > 0 ? last : -1;
  const rootIndex = anchorIndex >= 0 && ctx.path[anchorIndex].cert.selfIssued ? anchorIndex : -1;

  out.push(...missing(ctx, servedAt, anchorIndex));

  const order = ctx.path.map((p) => servedAt.get(p.cert.sha256)).filter((i): i is number => i !== undefined);
  const leafFirst = ctx.served.length > 0 && ctx.path.length > 0 && ctx.served[0].sha256 === ctx.path[0].cert.sha256;
  if (!leafFirst || order.some((pos, i) => i > 0 && pos < order[i - 1])) {
    const sent = namesText(ctx.served.map((c) => certName(c)));
    const wanted = ctx.path.filter((_, i) => i !== rootIndex).map((p) => certName(p.cert));
    out.push({
      code: 'WRONG_ORDER',
      severity: 'warning',
      certIndex: null,
      message: `${holderSends(ctx)} the certificates in the wrong order: ${sent}. The leaf must come first, then each certificate's issuer.`,
      fix: `Put them in this order: ${wanted.join(', then ')} (the fixed chain below).`,
      headline: `The certificates are in the wrong order`,
    });
  }

  const repeated = [...count].filter(([, n]) => n > 1);
  repeated.slice(0, NAMED).forEach(([sha, n]) => {
    const cert = ctx.served[servedAt.get(sha)!];
    out.push({
      code: 'DUPLICATE_CERT',
      severity: 'warning',
      certIndex: indexOnPath.get(sha) ?? null,
      message: `${holderSends(ctx)} ${certName(cert)} ${plural(n, 'time')}.`,
      fix: 'List each certificate once in the chain file.',
      headline: `${holderSends(ctx)} ${certName(cert)} more than once`,
    });
  });
  if (repeated.length > NAMED) {
    const rest = repeated.slice(NAMED).map(([sha]) => certName(ctx.served[servedAt.get(sha)!]));
    out.push({
      code: 'DUPLICATE_CERT',
      severity: 'warning',
      certIndex: null,
      message: `${holderSends(ctx)} ${plural(rest.length, 'more certificate')} more than once: ${namesText(rest)}.`,
      fix: 'List each certificate once in the chain file.',
      headline: `${holderSends(ctx)} ${plural(repeated.length, 'certificate')} more than once`,
    });
  }

  const leafName = ctx.path.length ? certName(ctx.path[0].cert) : 'the leaf';
  const unrelated = [...servedAt].filter(([sha]) => !ctx.onSomePath.has(sha)).map(([, at]) => ctx.served[at]);
  for (const cert of unrelated.slice(0, NAMED)) {
    out.push({
      code: 'EXTRA_CERT',
      severity: 'warning',
      certIndex: null,
      message: `${holderSends(ctx)} ${certName(cert)} (issued by ${issuerName(cert)}), which is not part of the chain of ${leafName}.`,
      fix: `Remove ${certName(cert)} from the chain file: it only makes the handshake larger, and some clients stop at a certificate they cannot place.`,
      headline: `${holderSends(ctx)} an unrelated certificate, ${certName(cert)}`,
    });
  }
  if (unrelated.length > NAMED) {
    const rest = unrelated.slice(NAMED).map(certName);
    out.push({
      code: 'EXTRA_CERT',
      severity: 'warning',
      certIndex: null,
      message: `${holderSends(ctx)} ${plural(rest.length, 'more certificate')} that ${rest.length === 1 ? 'is' : 'are'} not part of the chain of ${leafName}: ${namesText(rest)}.`,
      fix: 'Keep only the leaf and its intermediates in the chain file (the fixed chain below).',
      headline: `${holderSends(ctx)} ${plural(unrelated.length, 'unrelated certificate')}`,
    });
  }

  if (rootIndex >= 0 && servedAt.has(ctx.path[rootIndex].cert.sha256) && ctx.path[rootIndex].trusted) {
    const name = certName(ctx.path[rootIndex].cert);
    out.push({
      code: 'CONTAINS_ROOT',
      severity: 'info',
      certIndex: rootIndex,
      message: `${holderSends(ctx)} the root ${name} too. Clients use their own copy of a root, so sending it only adds bytes to every handshake.`,
      fix: 'Leave the root out of the chain file: the fixed chain below ends at the last intermediate.',
      headline: `${holderWho(ctx)} ${ctx.fromServer ? 'sends' : 'include'} the root ${name} too`,
    });
  }
  return out;
}

/**
 * Intermediates on the path that were not served. From a server, every one is missing (clients that do not
 * download issuers fail); in files, those the user gave as extra certificates were given on purpose.
 */
function missing(ctx: ServedContext, servedAt: Map<string, number>, anchorIndex: number): Diagnosed[] {
  const out: Diagnosed[] = [];
  const last = ctx.path.length - 1;
  // Up to the anchor, or below a root nobody trusts (UNTRUSTED_ROOT says that): a root is never "missing".
  const end = anchorIndex >= 0 || ctx.path[last]?.cert.selfIssued ? last : last + 1;
  for (let i = 1; i < end; i++) {
    const p = ctx.path[i];
    if (servedAt.has(p.cert.sha256)) continue;
    if (!ctx.fromServer && p.source !== 'aia' && p.source !== 'trust-store') continue;
    const name = certName(p.cert);
    const how = p.source === 'aia' && p.url ? `Certbench downloaded it from ${p.url} (the AIA caIssuers address)` : p.source === 'trust-store' ? 'Certbench found it in the trust store' : 'Certbench found it among the extra certificates given';
    out.push({
      code: 'MISSING_INTERMEDIATE',
      severity: 'error',
      certIndex: i,
      message: `${holderWho(ctx)} ${ctx.fromServer ? 'does not send' : 'do not include'} the intermediate ${name}; ${how}. Browsers may fetch it themselves, but most other clients (Java, curl, Android apps, webhook senders) reject the chain.`,
      fix: '',
      headline: ctx.fromServer ? `The server forgot its intermediate ${name}` : `The files lack the intermediate ${name}`,
    });
  }
  const intermediates = ctx.path.slice(1, end).map((p) => certName(p.cert));
  for (const d of out) d.fix = `Install the fixed chain below (the leaf, then ${listText(intermediates)}) as the server's certificate file: see the Apache, nginx and IIS steps.`;
  return out;
}
