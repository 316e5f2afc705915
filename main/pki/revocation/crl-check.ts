/**
 * RFC 5280 6.3 CRL processing for one certificate: the CRL's issuer and signature (cRLSign, the issuer's
 * key or an indirect CRL issuer's), thisUpdate/nextUpdate at the time, issuing distribution point scope,
 * delta CRLs, critical extensions, and whether the serial is listed (with reason and date; removeFromCRL).
 *
 * The newest usable complete CRL of each issuer and scope is looked at (all of them, not only until the reasons
 * are covered): if any lists the certificate, it is revoked. It is good when the CRLs used cover every reason;
 * otherwise its status is unknown, with why in the detail (a stale CRL says "stale").
 */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';
import { isPkiError } from '../errors';
import { checkableCrl, entryKey, findEntry, unknownCriticalEntryExtensions, type CheckableCrl, type CrlEntry } from './checkable-crl';
import { findCrlSigner } from './crl-signer';
import { crlScope, IMPLICIT_DP } from './crl-scope';
import { deltaFor } from './delta-crl';
import { ALL_REASONS, certDistributionPoints, reasonNames, type DistributionPoint } from './distribution-points';

export interface CrlCheckInput {
  cert: ChainCert;
  /** The certificate that issued `cert` (the next one up the path). */
  issuer: ChainCert;
  /** The whole path, leaf first, anchor last (indirect CRLs may be signed by another certificate on it). */
  path: readonly ChainCert[];
  /** CRLs available (DER), from files or downloads. */
  crls: readonly Uint8Array[];
  /** Other certificates that may have signed a CRL (indirect CRL issuers), beyond the path. */
  others?: readonly ChainCert[];
  at: number;
}

interface Session {
  crls: CheckableCrl[];
  /** CRLs that could not be decoded, in words. */
  unreadable: string[];
  others: readonly ChainCert[];
  at: number;
  /** Status checks left (the certificate's own, then CRL issuers' up their paths): a pool of same-named CRL issuers cannot make the search explode. */
  checksLeft: number;
}

/** Far more than any real PKI needs (PKITS needs at most 3). */
const MAX_STATUS_CHECKS = 64;

/** 'good', 'revoked' (with date and reason) or 'unknown' (no usable CRL covers it: why, in detail). method 'crl'. */
export function checkCrls(input: CrlCheckInput): RevocationDto {
  const session: Session = { crls: [], unreadable: [], others: input.others ?? [], at: input.at, checksLeft: MAX_STATUS_CHECKS };
  input.crls.forEach((der, i) => {
    try {
      session.crls.push(checkableCrl(der));
    } catch (e) {
      if (!isPkiError(e)) throw e;
      session.unreadable.push(`CRL ${i + 1} could not be read (${e.message})`);
    }
  });
  const { path, index } = placeOnPath(input);
  return statusOf(session, path, index, new Set([input.cert.sha256]));
}

/** `cert` on the path with `issuer` right above it; a caller's path that does not show that is rebuilt around them. */
function placeOnPath(input: CrlCheckInput): { path: readonly ChainCert[]; index: number } {
  const index = input.path.findIndex((c) => c.sha256 === input.cert.sha256);
  if (index >= 0 && input.path[index + 1]?.sha256 === input.issuer.sha256) return { path: input.path, index };
  const above = input.path.findIndex((c) => c.sha256 === input.issuer.sha256);
  return { path: [input.cert, ...(above >= 0 ? input.path.slice(above) : [input.issuer])], index: 0 };
}

function statusOf(session: Session, path: readonly ChainCert[], index: number, visiting: ReadonlySet<string>): RevocationDto {
  const cert = path[index];
  if (--session.checksLeft < 0) return unknown(`Certbench stopped after ${MAX_STATUS_CHECKS} status checks of this certificate and the CRL issuers behind its CRLs.`, null);
  let points: DistributionPoint[];
  try {
    points = certDistributionPoints(cert) ?? [IMPLICIT_DP];
  } catch (e) {
    if (!isPkiError(e)) throw e;
    return unknown(`Its cRLDistributionPoints extension cannot be read (${e.message}).`, null);
  }
  // Newest first: once a CRL of some issuer and scope has answered, older ones of that scope are not asked
  // (a certificate taken off hold is not revoked by the CRL before).
  const complete = session.crls.filter((c) => c.deltaBase === null).sort(newestFirst);
  const deltas = session.crls.filter((c) => c.deltaBase !== null);
  const notes: string[] = [];
  const note = (text: string) => notes.includes(text) || notes.push(text);
  let covered = 0;
  let used: CheckableCrl | null = null;
  let usedDelta = false;
  let fromIssuer = false;

  for (const dp of points) {
    const answered = new Set<string>();
    for (const crl of complete) {
      const scopeKey = `${crl.issuerKey}|${crl.idp?.der ?? ''}`;
      if (answered.has(scopeKey)) continue;
      let verdict: CrlVerdict;
      try {
        verdict = judge(session, crl, dp, deltas, path, index, visiting);
      } catch (e) {
        if (!isPkiError(e)) throw e;
        verdict = { kind: 'skip', fromIssuer: true, note: `the CRL of ${crl.issuerText} is damaged (${e.message})` };
      }
      if (verdict.kind === 'revoked') return verdict.result;
      fromIssuer ||= verdict.fromIssuer;
      if (verdict.kind === 'skip') {
        if (verdict.note) note(verdict.note);
        continue;
      }
      answered.add(scopeKey);
      covered |= verdict.reasons;
      if (!used || (crl.thisUpdate ?? 0) > (used.thisUpdate ?? 0)) {
        used = crl;
        usedDelta = verdict.withDelta;
      }
    }
  }

  if (used && (covered & ALL_REASONS) === ALL_REASONS) {
    return {
      status: 'good',
      method: 'crl',
      revokedAt: null,
      reason: null,
      thisUpdate: used.thisUpdateIso,
      nextUpdate: used.nextUpdateIso,
      url: null,
      detail: `Not listed on the CRL of ${used.issuerText}${usedDelta ? ' or its delta CRL' : ''} (issued ${used.thisUpdateIso}${used.nextUpdateIso ? `, next update ${used.nextUpdateIso}` : ''}).`,
    };
  }
  if (used) {
    notes.unshift(`the available CRLs do not cover all revocation reasons (only ${reasonNames(covered & ALL_REASONS).join(', ')})`);
    return unknown(sentence(notes), used);
  }
  if (!fromIssuer && deltas.some((d) => d.issuerKey === cert.issuerKey)) notes.unshift(`only a delta CRL from ${cert.issuer} was given, and a delta CRL is of no use without its complete CRL`);
  else if (!fromIssuer) notes.unshift(`no CRL from ${cert.issuer} was given${session.crls.length ? ` (${session.crls.length} CRL${session.crls.length === 1 ? '' : 's'} from other issuers)` : ''}`);
  notes.push(...session.unreadable);
  return unknown(sentence(notes), null);
}

/** What one complete CRL says about the certificate through one distribution point. */
type CrlVerdict =
  | { kind: 'skip'; fromIssuer: boolean; note: string | null }
  | { kind: 'revoked'; result: RevocationDto }
  | { kind: 'used'; fromIssuer: true; reasons: number; withDelta: boolean };

function judge(session: Session, crl: CheckableCrl, dp: DistributionPoint, deltas: CheckableCrl[], path: readonly ChainCert[], index: number, visiting: ReadonlySet<string>): CrlVerdict {
  const cert = path[index];
  const scope = crlScope(crl, dp, cert);
  if (!scope.covers) return { kind: 'skip', fromIssuer: scope.issuerMatches, note: scope.issuerMatches ? scope.why : null };
  const skip = (note: string): CrlVerdict => ({ kind: 'skip', fromIssuer: true, note });
  const trouble = unusable(crl, session.at);
  if (trouble) return skip(trouble);
  const signed = findCrlSigner(crl, { path, index, others: session.others, at: session.at, visiting, checkRevocation: (p, i, v) => statusOf(session, p, i, v) });
  if (!signed.signer) return skip(`the CRL of ${crl.issuerText} cannot be used: ${signed.problem}`);
  const entryTrouble = unknownEntryExtension(crl, cert);
  if (entryTrouble) return skip(entryTrouble);
  const choice = deltaFor(crl, signed.signer, deltas, session.at);
  if ('stale' in choice) return skip(`the delta CRL for the CRL of ${crl.issuerText} is stale: its next update was due ${choice.stale.nextUpdateIso}`);
  const listed = lookUp(crl, choice.delta, cert);
  if (listed) return { kind: 'revoked', result: revoked(listed.entry, listed.crl, listed.crl === choice.delta) };
  return { kind: 'used', fromIssuer: true, reasons: (crl.idp?.onlySomeReasons ?? ALL_REASONS) & (dp.reasons ?? ALL_REASONS), withDelta: choice.delta !== null };
}

function newestFirst(a: CheckableCrl, b: CheckableCrl): number {
  const byTime = (b.thisUpdate ?? 0) - (a.thisUpdate ?? 0);
  if (byTime !== 0) return byTime;
  return a.crlNumber === b.crlNumber ? 0 : (b.crlNumber ?? -1n) > (a.crlNumber ?? -1n) ? 1 : -1;
}

/** Why a covering complete CRL cannot be used at `at` (times, unknown critical extensions); null when it can. */
function unusable(crl: CheckableCrl, at: number): string | null {
  if (crl.thisUpdate === null) return `the CRL of ${crl.issuerText} has an unreadable thisUpdate`;
  if (crl.thisUpdate > at) return `the CRL of ${crl.issuerText} was issued after the time checked (${crl.thisUpdateIso})`;
  if (crl.nextUpdateInvalid) return `the CRL of ${crl.issuerText} has an unreadable nextUpdate`;
  if (crl.nextUpdate !== null && crl.nextUpdate < at) return `the CRL of ${crl.issuerText} is stale: its next update was due ${crl.nextUpdateIso}`;
  if (crl.unknownCritical.length) return `the CRL of ${crl.issuerText} has unrecognized critical extensions (${crl.unknownCritical.join(', ')}), so it cannot be used`;
  return null;
}

/** RFC 5280 5.3: a CRL with an entry extension that is critical and unknown must not be used at all. */
function unknownEntryExtension(crl: CheckableCrl, cert: ChainCert): string | null {
  const unknownOids = unknownCriticalEntryExtensions(crl);
  if (!unknownOids.length) return null;
  const own = unknownOids.find((u) => u.key === entryKey(cert.issuerKey, cert.serial));
  if (own) return `the CRL entry for the certificate in the CRL of ${crl.issuerText} has an unrecognized critical extension (${own.oid})`;
  return `an entry of the CRL of ${crl.issuerText} has an unrecognized critical extension (${unknownOids[0].oid}), so the CRL cannot be used`;
}

/** 6.3.3 (i)-(k): the delta first (removeFromCRL there un-revokes), then the complete CRL. */
function lookUp(crl: CheckableCrl, delta: CheckableCrl | null, cert: ChainCert): { entry: CrlEntry; crl: CheckableCrl } | null {
  const inDelta = delta ? findEntry(delta, cert.issuerKey, cert.serial) : null;
  if (inDelta) return inDelta.reason === 'removeFromCRL' ? null : { entry: inDelta, crl: delta! };
  const inComplete = findEntry(crl, cert.issuerKey, cert.serial);
  return inComplete && inComplete.reason !== 'removeFromCRL' ? { entry: inComplete, crl } : null;
}

function revoked(entry: CrlEntry, crl: CheckableCrl, fromDelta: boolean): RevocationDto {
  return {
    status: 'revoked',
    method: 'crl',
    revokedAt: entry.revocationDate,
    reason: entry.reason,
    thisUpdate: crl.thisUpdateIso,
    nextUpdate: crl.nextUpdateIso,
    url: null,
    detail: `Listed on the ${fromDelta ? 'delta ' : ''}CRL of ${crl.issuerText}: revoked ${entry.revocationDate ?? '(date unreadable)'}${entry.reason ? `, reason ${entry.reason}` : ''}.`,
  };
}

function unknown(detail: string, crl: CheckableCrl | null): RevocationDto {
  return { status: 'unknown', method: 'crl', revokedAt: null, reason: null, thisUpdate: crl?.thisUpdateIso ?? null, nextUpdate: crl?.nextUpdateIso ?? null, url: null, detail };
}

function sentence(notes: string[]): string {
  const text = notes.join('; ');
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : 'No usable CRL covers this certificate.';
}
