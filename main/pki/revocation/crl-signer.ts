/**
 * Who signed a CRL (RFC 5280 6.3.3 (f)): a certificate named as the CRL's issuer whose key verifies the CRL's
 * signature and which may sign CRLs (cRLSign when it has keyUsage). A certificate above the one being checked on
 * the validated path is trusted as it is; any other (a separate CRL-signing key, an indirect CRL issuer) must
 * chain to the same trust anchor, by name and signature through the path and the other certificates, be valid
 * at the time, pass validatePath, and not be revoked itself (checked through the caller; a CRL signer whose
 * own status rests on the CRL it signed is checked once, not again and again).
 */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';
import { validatePath } from '../chain/validate';
import { verifySignature } from '../crypto';
import { value, whole } from '../der/der';
import type { CheckableCrl } from './checkable-crl';

export interface SignerContext {
  /** Leaf first, anchor last; the certificates above `index` are validated. */
  path: readonly ChainCert[];
  /** Index in `path` of the certificate whose status is being checked. */
  index: number;
  others: readonly ChainCert[];
  at: number;
  /** Certificates whose revocation is being checked up the call stack (a CRL signer among them is a cycle). */
  visiting: ReadonlySet<string>;
  /** Revocation of `path[index]`, by the same CRLs (crl-check.ts, recursively). */
  checkRevocation(path: readonly ChainCert[], index: number, visiting: ReadonlySet<string>): RevocationDto;
}

export type SignerResult = { signer: ChainCert } | { signer: null; problem: string };

/** Longest path from an out-of-path CRL signer up to the anchor. */
const MAX_SIGNER_PATH = 6;

export function findCrlSigner(crl: CheckableCrl, ctx: SignerContext): SignerResult {
  const anchor = ctx.path[ctx.path.length - 1];
  const ancestors = ctx.path.slice(ctx.index + 1);
  const ancestorSet = new Set(ancestors.map((c) => c.sha256));
  const byHash = new Map<string, ChainCert>();
  for (const c of [...ancestors, ...ctx.others]) if (c.subjectKey === crl.issuerKey && !byHash.has(c.sha256)) byHash.set(c.sha256, c);
  const candidates = [...byHash.values()];
  if (!candidates.length) return { signer: null, problem: `no certificate named ${crl.issuerText} is at hand to verify the CRL's signature` };
  if (!crl.algorithmsMatch) return { signer: null, problem: 'the CRL names two different signature algorithms (inside and outside its signed part)' };
  if (!crl.signatureScheme) return { signer: null, problem: `the CRL's signature algorithm (${crl.signatureAlgorithmOid}) is one Certbench cannot verify` };

  const problems: string[] = [];
  for (const candidate of candidates) {
    if (!crlSignatureVerifies(crl, candidate)) continue;
    if (candidate.keyUsage && !candidate.keyUsage.has('cRLSign')) {
      problems.push(`the CRL issuer that was identified (${candidate.subject}) is not authorized to sign CRLs: its keyUsage lacks cRLSign`);
      continue;
    }
    if (ancestorSet.has(candidate.sha256)) return { signer: candidate };
    // A CRL issuer whose own status is being checked (PKITS 4.14.30: its status is on the CRL it signs): its path
    // must hold, and its revocation is not checked again, which would never end.
    const trouble = signerPathTrouble(candidate, anchor, ancestorSet, ctx, !ctx.visiting.has(candidate.sha256));
    if (trouble) problems.push(`the CRL issuer certificate path could not be validated: ${trouble}`);
    else return { signer: candidate };
  }
  return { signer: null, problem: problems[0] ?? 'the CRL signature could not be verified with the key of any certificate named as its issuer' };
}

/** Whether `signer`'s key verifies the CRL (remembered per CRL and signer). */
export function crlSignatureVerifies(crl: CheckableCrl, signer: ChainCert): boolean {
  let ok = crl.verifiedBy.get(signer.sha256);
  if (ok === undefined) {
    ok = verifies(signer, crl.tbs, crl.signatureScheme, crl.signature);
    crl.verifiedBy.set(signer.sha256, ok);
  }
  return ok;
}

/** Why the signer's own path to the anchor does not hold, or null when it does. */
function signerPathTrouble(signer: ChainCert, anchor: ChainCert, ancestors: ReadonlySet<string>, ctx: SignerContext, checkRevocation: boolean): string | null {
  const path = signerPath(signer, anchor, ctx);
  if (typeof path === 'string') return path;
  const errors = validatePath(path, true, { at: ctx.at, purpose: null, hostName: null }).filter((f) => f.severity === 'error');
  if (errors.length) return errors.map((f) => f.detail).join('; ');
  if (!checkRevocation) return null;
  const visiting = new Set([...ctx.visiting, signer.sha256]);
  for (let i = path.length - 2; i >= 0; i--) {
    if (ancestors.has(path[i].sha256)) continue; // checked as part of the main path
    const status = ctx.checkRevocation(path, i, visiting);
    if (status.status === 'revoked') return `the CRL issuer ${path[i].subject} was revoked at ${status.revokedAt}${status.reason ? ` (${status.reason})` : ''}`;
    if (status.status !== 'good') return `the revocation status of the CRL issuer ${path[i].subject} is unknown (${status.detail})`;
  }
  return null;
}

/** signer → … → anchor by name and signature, each valid at the time; or why there is none. */
function signerPath(signer: ChainCert, anchor: ChainCert, ctx: SignerContext): ChainCert[] | string {
  const pool = [anchor, ...ctx.path, ...ctx.others];
  const path = [signer];
  let current = signer;
  while (current.sha256 !== anchor.sha256) {
    if (path.length > MAX_SIGNER_PATH) return `no path of at most ${MAX_SIGNER_PATH} certificates leads from ${signer.subject} to the trust anchor`;
    if (ctx.at < current.notBefore || ctx.at > current.notAfter) return `${current.subject} is not valid at the time checked`;
    const cert = current;
    const issuer = pool.find((c) => c.subjectKey === cert.issuerKey && c.sha256 !== cert.sha256 && !path.includes(c) && (c === anchor || c.basicConstraints?.ca === true) && verifies(c, whole(cert.fields.tbs), cert.signatureScheme, value(cert.fields.signature).subarray(1)));
    if (!issuer) return `no certificate at hand issued ${current.subject} (by name and signature) on a way to the trust anchor`;
    path.push(issuer);
    current = issuer;
  }
  return path;
}

function verifies(signer: ChainCert, data: Uint8Array, scheme: CheckableCrl['signatureScheme'], signature: Uint8Array): boolean {
  if (!scheme) return false;
  try {
    return verifySignature(signer.spkiDer, scheme, data, signature);
  } catch {
    return false; // a key that cannot be used (unsupported algorithm, inherited DSA parameters) verifies nothing
  }
}
