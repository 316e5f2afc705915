/** SubjectPublicKeyInfo facts in pure JS (no key object needed): algorithm, size, curve, fingerprint. */
import type { KeyAlgorithmName, PublicKeyInfo } from '../../api/dto';
import { digest } from '../crypto';
import { children, expectTag, hex, integerBits, oidOf, readTlv, Tag, value, whole, type Tlv } from '../der/der';
import { CURVES, KEY_ALGORITHMS } from './oids';

export function spkiFacts(spki: Tlv): PublicKeyInfo {
  const [alg, bits] = children(spki, 'public key info');
  const algParts = children(expectTag(alg, Tag.Sequence, 'public key algorithm'), 'public key algorithm');
  const oid = oidOf(expectTag(algParts[0], Tag.Oid, 'public key algorithm'));
  const keyAlgorithm: KeyAlgorithmName = KEY_ALGORITHMS[oid] ?? 'unknown';
  const key = value(expectTag(bits, Tag.BitString, 'public key')).subarray(1);
  let keySize: number | null = null;
  let curve: string | null = null;
  if (keyAlgorithm === 'RSA' || keyAlgorithm === 'RSA-PSS') {
    const rsa = readTlv(key, 0, key.length, 'RSA public key');
    keySize = integerBits(children(rsa, 'RSA public key')[0]);
  } else if (keyAlgorithm === 'EC') {
    const params = algParts[1];
    if (params?.tag === Tag.Oid) {
      const c = oidOf(params);
      curve = CURVES[c]?.name ?? c;
      keySize = CURVES[c]?.bits ?? null;
    } else curve = 'explicit parameters';
  } else if (keyAlgorithm === 'Ed25519' || keyAlgorithm === 'X25519') keySize = 256;
  else if (keyAlgorithm === 'Ed448') keySize = 456;
  else if (keyAlgorithm === 'X448') keySize = 448;
  else if (keyAlgorithm === 'DSA' && algParts[1]?.tag === Tag.Sequence) keySize = integerBits(children(algParts[1], 'DSA parameters')[0]);
  return {
    keyAlgorithm,
    keySize,
    curve,
    spkiSha256: hex(digest('sha256', whole(spki))),
    publicHex: hex(key.length > 1024 ? key.subarray(0, 1024) : key, ':'),
  };
}

/** The algorithm OID of an SPKI, for messages about unsupported keys. */
export function spkiAlgorithmOid(spki: Tlv): string {
  return oidOf(children(children(spki, 'public key info')[0], 'public key algorithm')[0]);
}
