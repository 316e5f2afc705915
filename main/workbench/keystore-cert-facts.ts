/**
 * The few facts the keystore editor needs about a certificate or a private key; certificates are decoded once
 * per distinct byte array (entries keep their DER for as long as the keystore is open).
 */
import { digest, privateKeyFacts } from '../pki/crypto';
import { hex, readRoot } from '../pki/der/der';
import { PkiError, isPkiError } from '../pki/errors';
import { parseCertificate } from '../pki/x509/certificate';
import { spkiFacts } from '../pki/x509/spki';

export interface CertFacts {
  sha256: string;
  subject: string;
  issuer: string;
  /** The subject's common name, when it has one (aliases are made from it). */
  commonName: string | null;
  notBefore: string | null;
  notAfter: string | null;
  selfSigned: boolean;
  isCA: boolean;
  /** SHA-256 of the SubjectPublicKeyInfo: how a key is matched to its certificate. */
  spkiSha256: string;
  keyWords: string;
}

export interface KeyFacts {
  spki: Uint8Array;
  spkiSha256: string;
  keyWords: string;
}

const certs = new WeakMap<Uint8Array, CertFacts>();

/** Facts of a certificate; CORRUPT (typed) when it cannot be decoded. */
export function certFacts(der: Uint8Array): CertFacts {
  let facts = certs.get(der);
  if (facts) return facts;
  let c;
  try {
    c = parseCertificate(der);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new PkiError('CORRUPT', `A certificate could not be decoded: ${why}`, isPkiError(e) ? e.hint : 'The file may be damaged; get a fresh copy from its source.');
  }
  facts = {
    sha256: c.sha256,
    subject: c.subject,
    issuer: c.issuer,
    commonName: c.subjectParts.find((p) => p.name === 'CN')?.value ?? null,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    selfSigned: c.selfSigned,
    isCA: c.isCA,
    spkiSha256: c.spkiSha256,
    keyWords: keyWords(c.keyAlgorithm, c.keySize, c.curve),
  };
  certs.set(der, facts);
  return facts;
}

/** The public half of a decrypted PKCS#8 key (decoded once by crypto.ts, which remembers it per key). */
export function keyFacts(pkcs8: Uint8Array): KeyFacts {
  const k = privateKeyFacts(pkcs8);
  const info = spkiFacts(readRoot(k.spki, 'public key'));
  return { spki: k.spki, spkiSha256: info.spkiSha256, keyWords: keyWords(info.keyAlgorithm, info.keySize, info.curve) };
}

/** The SHA-256 fingerprint (as the Inspector shows it) of any DER, decodable or not. */
export const sha256Of = (der: Uint8Array) => hex(digest('sha256', der));

/** Whether `der` is the certificate of the key whose public half hashes to `spkiSha256`. */
export function certificateOfKey(der: Uint8Array, spkiSha256: string): boolean {
  try {
    return certFacts(der).spkiSha256 === spkiSha256;
  } catch {
    return false;
  }
}

function keyWords(alg: string, size: number | null, curve: string | null): string {
  if (curve) return `${alg} ${curve}`;
  if (size) return `${alg} ${size}`;
  return alg;
}
