/** Turns SubjectPublicKeyInfo or PKCS#1 RSAPublicKey DER into a RawPublicKey, or RawUnsupported. */
import { publicKeyFacts } from '../crypto';
import { corrupt } from '../errors';
import type { RawPublicKey, RawUnsupported } from '../model';
import { judgeAlgorithm } from './algorithm';
import * as a from '../der/asn1';
import { unsupportedKey } from './result';
import { rsaPublicToSpki } from './wrap';

export function fromSpki(spki: Uint8Array, where: string): RawPublicKey | RawUnsupported {
  const c = a.children(a.parse(spki, where));
  if (!c || c.length !== 2 || !a.isBitString(c[1])) throw corrupt(`${where}: not a SubjectPublicKeyInfo`);
  const verdict = judgeAlgorithm(c[0], where);
  if (!verdict.supported) return unsupportedKey(verdict.describe('public'), verdict.subject);
  publicKeyFacts(spki);
  return { kind: 'publicKey', spki };
}

export function fromRsaPublicKey(der: Uint8Array, where: string): RawPublicKey {
  const c = a.children(a.parse(der, where));
  if (!c || c.length !== 2 || !c.every(a.isInteger)) throw corrupt(`${where}: not an RSA public key`);
  const spki = rsaPublicToSpki(der);
  publicKeyFacts(spki);
  return { kind: 'publicKey', spki };
}
