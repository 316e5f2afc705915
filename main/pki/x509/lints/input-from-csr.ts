/** The lint input for an opened CSR: what the reader decoded, plus the RSA modulus for the weak-key tests. */
import type { KeyAlgorithmName, SanType } from '../../../api/dto';
import type { CsrFacts } from '../csr';
import { hostLikeCn, sameName } from './names';
import type { LintInput, LintKeyFacts, LintName } from './types';

type ReadFacts = Pick<
  CsrFacts,
  'subjectParts' | 'san' | 'keyAlgorithm' | 'keySize' | 'curve' | 'signatureAlgorithm' | 'signatureValid' | 'keyUsage' | 'extendedKeyUsage' | 'attributes'
>;

const SAN_PREFIXES: Record<string, SanType> = { DNS: 'DNS', IP: 'IP', email: 'email', URI: 'URI' };

function sanName(text: string, i: number): LintName {
  const colon = text.indexOf(':');
  const type = SAN_PREFIXES[text.slice(0, colon)];
  const value = text.slice(colon + 1);
  // The reader shows an IP of the wrong length as "<invalid ...>" and reports it itself (BAD_IP_LENGTH).
  if (!type || (type === 'IP' && value.startsWith('<invalid'))) return { type: 'other', value: text, field: `san.${i}`, origin: 'san' };
  return { type, value, field: `san.${i}`, origin: 'san' };
}

function keyFacts(algorithm: KeyAlgorithmName, size: number | null, curve: string | null, modulus: bigint | null): LintKeyFacts {
  const a = algorithm === 'RSA-PSS' ? 'RSA' : algorithm;
  const known = a === 'RSA' || a === 'EC' || a === 'Ed25519' || a === 'Ed448' || a === 'DSA';
  return { algorithm: known ? a : 'other', size, curve, ...(modulus !== null ? { modulus } : {}) };
}

/** The hash inside a signature algorithm's OpenSSL name ("ecdsa-with-SHA1" → sha1). */
export function hashOfSignatureAlgorithm(name: string): LintInput['signatureHash'] {
  const n = name.toLowerCase();
  if (n.startsWith('ed')) return null;
  if (/md[245]/.test(n)) return 'md5';
  if (/sha3/.test(n)) return 'other';
  if (/sha-?512/.test(n)) return 'sha512';
  if (/sha-?384/.test(n)) return 'sha384';
  if (/sha-?256/.test(n)) return 'sha256';
  // dsaWithSHA (SHA-0) counts as SHA-1: both are broken.
  if (/sha-?1|withsha$/.test(n)) return 'sha1';
  return 'other';
}

export function inputFromCsr(facts: ReadFacts, modulus: bigint | null, signatureChecked: boolean): LintInput {
  const subject = facts.subjectParts.map((p, i) => ({ type: p.name, value: p.value, field: `subject.${i}` }));
  const names = facts.san.map(sanName);
  for (const cn of subject.filter((a) => a.type === 'CN')) {
    const type = hostLikeCn(cn.value);
    if (type && !names.some((n) => sameName(n, cn.value))) names.push({ type, value: cn.value, field: cn.field, origin: 'cn' });
  }
  return {
    source: 'csr',
    subject,
    names,
    key: keyFacts(facts.keyAlgorithm, facts.keySize, facts.curve, modulus),
    signatureHash: hashOfSignatureAlgorithm(facts.signatureAlgorithm),
    signatureAlgorithm: facts.signatureAlgorithm,
    keyUsage: facts.keyUsage,
    extendedKeyUsage: facts.extendedKeyUsage,
    challengePassword: facts.attributes.some((a) => a.startsWith('Challenge password:')),
    signature: !signatureChecked ? 'unchecked' : facts.signatureValid ? 'valid' : 'invalid',
    selfSign: null,
  };
}
