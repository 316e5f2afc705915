/**
 * Turns decrypted private key DER (PKCS#8, PKCS#1 or SEC1) into a RawPrivateKey, or a RawUnsupported for
 * algorithms Certbench cannot use. Supported keys are checked for consistency before they are accepted.
 */
import { privateKeyFacts } from '../crypto';
import { PkiError, corrupt } from '../errors';
import type { RawPrivateKey, RawUnsupported } from '../model';
import { judgeAlgorithm } from './algorithm';
import * as a from '../der/asn1';
import { OTHER_CURVES, SUPPORTED_CURVES } from './oids';
import { supportedPkcs8Parts } from './pkcs8-der';
import { unsupportedKey } from './result';
import { type RsaPrivateParts, checkRsaPrivateKey } from './rsa-check';
import { ecPrivateToPkcs8, rsaPrivateToPkcs8 } from './wrap';

/** How the key was protected in the file; copied onto the RawPrivateKey. */
export interface Protection {
  encrypted: boolean;
  encoding: string;
  protection?: string;
}

function rawPrivateKey(pkcs8: Uint8Array, how: Protection): RawPrivateKey {
  const key: RawPrivateKey = { kind: 'privateKey', pkcs8, encrypted: how.encrypted, encoding: how.encoding };
  if (how.protection) key.protection = how.protection;
  return key;
}

export function rsaParts(node: a.Node, where: string): RsaPrivateParts {
  const c = a.children(node);
  if (!c || c.length !== 9) throw corrupt(`${where}: the RSA private key should have 9 fields`);
  const v = c.map((n, i) => a.bigint(n, `${where}: RSA private key field ${i + 1}`));
  return { n: v[1], e: v[2], d: v[3], p: v[4], q: v[5], dp: v[6], dq: v[7], qInv: v[8] };
}

/** Lets node:crypto parse the key too: it catches what the structural checks do not (bad EC points ...). */
function confirm(pkcs8: Uint8Array): void {
  privateKeyFacts(pkcs8);
}

export function fromPkcs8(pkcs8: Uint8Array, where: string, how: Protection): RawPrivateKey | RawUnsupported {
  const parts = supportedPkcs8Parts(pkcs8);
  if (!parts) return fromPkcs8Asn1(pkcs8, where, how);
  if (parts.algorithm === 'RSA') {
    const [, n, e, d, p, q, dp, dq, qInv] = parts.rsa;
    checkRsaPrivateKey({ n, e, d, p, q, dp, dq, qInv }, where);
  }
  confirm(pkcs8);
  return rawPrivateKey(pkcs8, how);
}

/** fromPkcs8 with asn1js for every shape; exported for the test that holds both readers to the same answers. */
export function fromPkcs8Asn1(pkcs8: Uint8Array, where: string, how: Protection): RawPrivateKey | RawUnsupported {
  const c = a.children(a.parse(pkcs8, where));
  if (!c || c.length < 3) throw corrupt(`${where}: not a PKCS#8 private key`);
  const verdict = judgeAlgorithm(c[1], where);
  if (!verdict.supported) return unsupportedKey(verdict.describe('private'), verdict.subject);
  const inner = a.octets(c[2], `${where}: the private key`);
  if (verdict.name === 'RSA') {
    checkRsaPrivateKey(rsaParts(a.parse(inner, `${where}: the RSA private key`), where), where);
  } else if (verdict.name === 'EC') {
    const ec = a.children(a.parse(inner, `${where}: the EC private key`));
    if (!ec || a.smallInt(ec[0]) !== 1 || !a.isOctetString(ec[1])) throw corrupt(`${where}: the EC private key is malformed`);
  } else if (inner.length !== 34 || inner[0] !== 0x04 || inner[1] !== 32) {
    throw corrupt(`${where}: an Ed25519 private key must be 32 bytes`);
  }
  const publicKey = c.find((n) => a.isContext(n, 1));
  if (!publicKey) {
    confirm(pkcs8);
    return rawPrivateKey(pkcs8, how);
  }
  // OneAsymmetricKey v1 (RFC 5958) with its public key: OpenSSL 3.0 and BoringSSL only take v0, so the key is
  // carried as v0 after checking that the public key it names is really its own.
  const attributes = c.filter((n) => a.isContext(n, 0));
  const v0 = a.encode(a.build.sequence(a.build.integer(0), c[1], c[2], ...attributes));
  const derived = spkiKeyBits(privateKeyFacts(v0).spki);
  const stated = a.valueBytes(publicKey).subarray(1);
  if (verdict.name === 'Ed25519' && Buffer.compare(Buffer.from(derived), Buffer.from(stated)) !== 0) {
    throw corrupt(`${where}: the public key stored with the private key does not belong to it`);
  }
  return rawPrivateKey(v0, how);
}

/** The subjectPublicKey bits of a SubjectPublicKeyInfo. */
function spkiKeyBits(spki: Uint8Array): Uint8Array {
  const bits = a.children(a.parse(spki, 'the public key'))?.[1];
  return bits ? a.valueBytes(bits) : new Uint8Array(0);
}

export function fromRsaPrivateKey(der: Uint8Array, where: string, how: Protection): RawPrivateKey {
  checkRsaPrivateKey(rsaParts(a.parse(der, where), where), where);
  const pkcs8 = rsaPrivateToPkcs8(der);
  confirm(pkcs8);
  return rawPrivateKey(pkcs8, how);
}

export function fromEcPrivateKey(der: Uint8Array, where: string, how: Protection): RawPrivateKey | RawUnsupported {
  const c = a.children(a.parse(der, where));
  if (!c || a.smallInt(c[0]) !== 1 || !a.isOctetString(c[1])) throw corrupt(`${where}: not an EC private key`);
  const params = c.find((n) => a.isContext(n, 0));
  const curve = params && (params as a.Node & { valueBlock: { value?: a.Node[] } }).valueBlock.value?.[0];
  if (!curve) {
    throw new PkiError(
      'UNSUPPORTED_ALGORITHM',
      `${where}: this EC private key does not say which curve it is on.`,
      'Export the key again with its named curve (openssl ec -param_enc named_curve) or as PKCS#8.',
    );
  }
  if (a.isSequence(curve)) return unsupportedKey('EC private key with explicit curve parameters', 'EC keys with explicit curve parameters');
  const curveOid = a.oid(curve, `${where}: the curve`);
  if (!SUPPORTED_CURVES[curveOid]) {
    const name = OTHER_CURVES[curveOid] ?? `OID ${curveOid}`;
    return unsupportedKey(`EC private key on curve ${name}`, name);
  }
  const pkcs8 = ecPrivateToPkcs8(der, curveOid);
  confirm(pkcs8);
  return rawPrivateKey(pkcs8, how);
}
