/** The status-first line for one object: what a person wants to know before any detail. */
import type { CertificateDto, ObjectDto, OcspResponseDto } from '../../../main/api/dto';
import { commonName, days, formatDate, objectLabel } from './words';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export interface Verdict {
  tone: Tone;
  text: string;
}

/** Certificates expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 30;

export function expiryTone(daysLeft: number | null, validity: CertificateDto['validity']): Tone {
  if (validity === 'expired' || (daysLeft !== null && daysLeft < 0)) return 'error';
  if (validity === 'invalid-time' || validity === 'not-yet-valid' || daysLeft === null || daysLeft < EXPIRY_WARNING_DAYS) return 'warning';
  return 'success';
}

export function verdictOf(o: ObjectDto, all: Map<string, ObjectDto>): Verdict {
  switch (o.kind) {
    case 'certificate': {
      if (o.validity === 'invalid-time' || o.daysLeft === null) return { tone: 'warning', text: 'Its validity dates are encoded incorrectly: most software will reject it' };
      if (o.validity === 'expired') return { tone: 'error', text: o.daysLeft === 0 ? 'Expired today' : `Expired ${days(Math.abs(o.daysLeft))} ago` };
      if (o.validity === 'not-yet-valid') return { tone: 'warning', text: `Not valid yet: starts ${o.notBefore ? formatDate(o.notBefore) : 'at an unknown date'}` };
      return { tone: expiryTone(o.daysLeft, o.validity), text: o.daysLeft === 0 ? 'Valid, expires today' : `Valid for ${o.daysLeft} more day${o.daysLeft === 1 ? '' : 's'}` };
    }
    case 'privateKey': {
      const owners = o.matchIds.map((id) => all.get(id)).filter((m): m is ObjectDto => m?.kind === 'certificate');
      if (owners.length > 0) {
        const first = owners[0]!;
        const name = first.kind === 'certificate' ? `CN=${commonName(first.subjectParts, first.subject)}` : objectLabel(first);
        return { tone: 'success', text: `This key belongs to ${name}${owners.length > 1 ? ` and ${owners.length - 1} more` : ''}` };
      }
      const csr = o.matchIds.map((id) => all.get(id)).find((m) => m?.kind === 'csr');
      if (csr) return { tone: 'success', text: `This key belongs to the open ${objectLabel(csr).toLowerCase()}` };
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
    case 'publicKey':
      return { tone: 'info', text: o.matchIds.length ? `Public key of ${o.matchIds.length} open object${o.matchIds.length === 1 ? '' : 's'}` : objectLabel(o) };
    case 'secretKey':
      return { tone: 'info', text: `${objectLabel(o)}: kept in the keystore, never displayed` };
    case 'unsupported':
      return { tone: 'warning', text: o.error.message };
  }
}

/** The worst status among the certificates an OCSP response names, or why it names none. */
function ocspVerdict(o: OcspResponseDto): Verdict {
  if (o.responseStatus !== 'successful') return { tone: 'error', text: `The responder answered “${o.responseStatus}”: no certificate status` };
  const revoked = o.responses.find((r) => r.status === 'revoked');
  if (revoked) return { tone: 'error', text: `Revoked${revoked.revocationTime ? ` on ${formatDate(revoked.revocationTime)}` : ''}${revoked.revocationReason ? ` (${revoked.revocationReason})` : ''}` };
  if (o.responses.length === 0) return { tone: 'warning', text: 'The response names no certificate' };
  if (o.responses.some((r) => r.status === 'unknown')) return { tone: 'warning', text: 'The responder does not know this certificate' };
  const stale = o.responses.find((r) => r.nextUpdate && new Date(r.nextUpdate).getTime() < Date.now());
  const good = `Good: not revoked${o.responses.length > 1 ? ` (all ${o.responses.length})` : ''}`;
  if (stale?.nextUpdate) return { tone: 'warning', text: `${good}, but out of date since ${formatDate(stale.nextUpdate)}` };
  return { tone: 'success', text: o.producedAt ? `${good}, as of ${formatDate(o.producedAt)}` : good };
}
