/**
 * Key usage and extended key usage along a path: issuers must be allowed to sign certificates, the leaf's
 * key must be usable for the purpose (as browsers accept it), and an EKU anywhere on the path must allow the
 * purpose (Chrome and Go treat a CA's EKU as a constraint on what it issues).
 */
import type { ChainPurpose } from '../../api/dto';
import type { ChainCert } from './chain-cert';
import { describeCert, keyUsageText } from './cert-checks';
import type { Finding } from './types';

export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  any: '2.5.29.37.0',
  /** Server Gated Crypto (Netscape, Microsoft): old CAs carry it; Go and OpenSSL read it as serverAuth on CAs. */
  netscapeSgc: '2.16.840.1.113730.4.1',
  microsoftSgc: '1.3.6.1.4.1.311.10.3.3',
} as const;

/** Key usage bits that let a leaf's key do a TLS handshake for the purpose (any one suffices). */
const LEAF_KEY_USAGE: Record<ChainPurpose, string[]> = {
  serverAuth: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
  clientAuth: ['digitalSignature', 'keyAgreement'],
};

function ekuAllows(eku: readonly string[], purpose: ChainPurpose, isCa: boolean): boolean {
  if (eku.includes(EKU[purpose])) return true;
  if (!isCa) return false;
  if (eku.includes(EKU.any)) return true;
  return purpose === 'serverAuth' && (eku.includes(EKU.netscapeSgc) || eku.includes(EKU.microsoftSgc));
}

export function leafUsageFindings(cert: ChainCert, purpose: ChainPurpose | null): Finding[] {
  const out: Finding[] = [];
  const who = describeCert(cert);
  if (cert.keyUsage?.has('keyCertSign') && cert.basicConstraints?.ca !== true)
    out.push({ code: 'KEY_USAGE', severity: 'error', index: 0, detail: `${who} asserts keyCertSign but is not a CA (RFC 5280 4.2.1.3)` });
  if (!purpose) return out;
  if (cert.keyUsage && !LEAF_KEY_USAGE[purpose].some((bit) => cert.keyUsage!.has(bit)))
    out.push({ code: 'KEY_USAGE', severity: 'error', index: 0, detail: `${who} allows its key only for ${keyUsageText(cert)}; ${purpose} needs one of ${LEAF_KEY_USAGE[purpose].join(', ')}` });
  if (cert.extKeyUsage && !ekuAllows(cert.extKeyUsage, purpose, false)) {
    const onlyAny = cert.extKeyUsage.includes(EKU.any);
    out.push({
      code: 'EXTENDED_KEY_USAGE',
      severity: 'error',
      index: 0,
      detail: `${who} is not valid for ${purpose}: its extended key usage lists ${cert.extKeyUsage.join(', ') || 'nothing'}${onlyAny ? ' (anyExtendedKeyUsage is not accepted in place of ' + purpose + ')' : ''}`,
    });
  }
  return out;
}

/** Checks on a certificate that issued the one below it (index >= 1). */
export function issuerUsageFindings(cert: ChainCert, index: number, purpose: ChainPurpose | null): Finding[] {
  const out: Finding[] = [];
  const who = describeCert(cert);
  if (cert.keyUsage && !cert.keyUsage.has('keyCertSign'))
    out.push({ code: 'KEY_USAGE', severity: 'error', index, detail: `${who} issued a certificate but its key usage (${keyUsageText(cert)}) lacks keyCertSign` });
  if (purpose && cert.extKeyUsage && !ekuAllows(cert.extKeyUsage, purpose, true))
    out.push({ code: 'EXTENDED_KEY_USAGE', severity: 'error', index, detail: `${who} limits what it issues to the extended key usages ${cert.extKeyUsage.join(', ') || '(none)'}, which exclude ${purpose}` });
  return out;
}

/** A leaf that says it is a CA yet may not sign certificates is inconsistent (RFC 5280 4.2.1.3 / 4.2.1.9). */
export function inconsistentCaFindings(cert: ChainCert, index: number): Finding[] {
  if (cert.basicConstraints?.ca === true && cert.keyUsage && !cert.keyUsage.has('keyCertSign'))
    return [{ code: 'KEY_USAGE', severity: 'error', index, detail: `${describeCert(cert)} is marked as a CA but its key usage (${keyUsageText(cert)}) lacks keyCertSign` }];
  return [];
}
