/** The status-first lines for one object: what a person wants to know before any detail. */
import type { ObjectDto, OcspResponseDto } from '../../../main/api/dto';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';
import { matchesOf, type OpenSet } from './links';
import { commonName, expiryWords, formatDate, objectLabel, revokedWords } from './words';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export interface Verdict {
  tone: Tone;
  text: string;
}

/** Certificates expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 30;

export function expiryTone(daysLeft: number | null, validity: RowData['validity']): Tone {
  if (validity === 'expired' || (daysLeft !== null && daysLeft < 0)) return 'error';
  if (validity === 'invalid-time' || validity === 'not-yet-valid' || daysLeft === null || daysLeft < EXPIRY_WARNING_DAYS) return 'warning';
  return 'success';
}

/** What the verdicts may look at besides the object: every open row, by id. */
export interface OpenRows extends OpenSet {
  /** Open private keys and certificates (not CA), for "does NOT match". */
  privateKeys: readonly RowData[];
  leafCertificates: readonly RowData[];
}

const cnOf = (r: RowData) => `CN=${r.label}`;

export function verdictOf(o: ObjectDto, row: RowData | undefined, open: OpenRows): Verdict {
  switch (o.kind) {
    case 'certificate': {
      if (o.validity === 'invalid-time' || o.daysLeft === null) return { tone: 'warning', text: 'Its validity dates are encoded incorrectly: most software will reject it' };
      if (o.validity === 'not-yet-valid') return { tone: 'warning', text: `Not valid yet: starts ${o.notBefore ? formatDate(o.notBefore) : 'at an unknown date'}` };
      const words = expiryWords(o);
      return { tone: expiryTone(o.daysLeft, o.validity), text: o.validity === 'expired' ? words : `Valid. ${words}` };
    }
    case 'privateKey': {
      const matches = row ? matchesOf(row, open) : [];
      const owners = matches.filter((m) => m.kind === 'certificate');
      if (owners.length > 0) return { tone: 'success', text: `This key belongs to ${cnOf(owners[0]!)}${owners.length > 1 ? ` and ${owners.length - 1} more` : ''}` };
      const csr = matches.find((m) => m.kind === 'csr');
      if (csr) return { tone: 'success', text: `This key belongs to the open ${csr.label.toLowerCase()}` };
      const leaves = open.leafCertificates;
      if (leaves.length === 1) return { tone: 'error', text: `This key does NOT match the open certificate ${cnOf(leaves[0]!)}` };
      if (leaves.length > 1) return { tone: 'error', text: `This key does NOT match any of the ${leaves.length} open certificates` };
      return { tone: 'info', text: 'No open certificate uses this key' };
    }
    case 'csr':
      return o.signatureValid
        ? { tone: 'success', text: `Certificate request for CN=${commonName(o.subjectParts, o.subject)}, signature valid` }
        : { tone: 'error', text: 'The request’s signature does not verify: it was altered or is damaged' };
    case 'crl': {
      if (o.nextUpdate && new Date(o.nextUpdate).getTime() < Date.now()) return { tone: 'error', text: `Out of date since ${formatDate(o.nextUpdate)}` };
      return { tone: 'success', text: `${o.revokedCount} revoked certificate${o.revokedCount === 1 ? '' : 's'}${o.nextUpdate ? `, next update ${formatDate(o.nextUpdate)}` : ''}` };
    }
    case 'ocspResponse':
      return ocspVerdict(o);
    case 'publicKey': {
      const n = row ? matchesOf(row, open).length : 0;
      return { tone: 'info', text: n ? `Public key of ${n} open object${n === 1 ? '' : 's'}` : objectLabel(o) };
    }
    case 'secretKey':
      return { tone: 'info', text: `${objectLabel(o)}: kept in the keystore, never displayed` };
    case 'unsupported':
      return { tone: 'warning', text: o.error.message };
  }
}

/**
 * For a certificate (not a CA) whose private key is not open while other private keys are: says plainly
 * that the open key does NOT match, so nobody installs the wrong pair.
 */
export function keyVerdict(row: RowData | undefined, open: OpenRows): Verdict | null {
  if (!row || row.kind !== 'certificate' || row.isCA || row.hasPrivateKey || open.privateKeys.length === 0) return null;
  const keys = open.privateKeys;
  return { tone: 'error', text: keys.length === 1 ? `The open ${keys[0]!.label} does NOT match this certificate` : `The ${keys.length} open private keys do NOT match this certificate` };
}

/** The worst status among the certificates an OCSP response names, or why it names none. */
function ocspVerdict(o: OcspResponseDto): Verdict {
  if (o.responseStatus !== 'successful') return { tone: 'error', text: `The responder answered “${o.responseStatus}”: no certificate status` };
  const revoked = o.responses.find((r) => r.status === 'revoked');
  if (revoked) return { tone: 'error', text: revokedWords(revoked) };
  if (o.responses.length === 0) return { tone: 'warning', text: 'The response names no certificate' };
  if (o.responses.some((r) => r.status === 'unknown')) return { tone: 'warning', text: 'The responder does not know this certificate' };
  const stale = o.responses.find((r) => r.nextUpdate && new Date(r.nextUpdate).getTime() < Date.now());
  const good = `Good: not revoked${o.responses.length > 1 ? ` (all ${o.responses.length})` : ''}`;
  if (stale?.nextUpdate) return { tone: 'warning', text: `${good}, but out of date since ${formatDate(stale.nextUpdate)}` };
  return { tone: 'success', text: o.producedAt ? `${good}, as of ${formatDate(o.producedAt)}` : good };
}
