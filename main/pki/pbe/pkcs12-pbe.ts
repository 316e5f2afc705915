/**
 * The PKCS#12 PBEs (RFC 7292 Appendix C): SHA-1 PKCS#12 KDF, then 3DES or RC2. Legacy, but every PFX made
 * before OpenSSL 3 (and `openssl pkcs12 -legacy`, Windows, old Java) uses them.
 */
import { decryptCbc } from '../crypto';
import { integer, octets, sequence, type Node } from '../der/asn1';
import { OID, oidName } from './oids';
import { KDF_ID, pkcs12Kdf, pkcs12KdfWork } from './pkcs12-kdf';
import { progressParts } from './progress';
import { rc2CbcDecrypt } from './rc2';
import { type PbeScheme, checkIterations } from './scheme';

type Cipher = { kind: '3des'; keyLength: 24 | 16 } | { kind: 'rc2'; keyLength: 16 | 5 };

const CIPHERS: Record<string, Cipher> = {
  [OID.pbeWithSHAAnd3KeyTripleDESCBC]: { kind: '3des', keyLength: 24 },
  [OID.pbeWithSHAAnd2KeyTripleDESCBC]: { kind: '3des', keyLength: 16 },
  [OID.pbeWithSHAAnd128BitRC2CBC]: { kind: 'rc2', keyLength: 16 },
  [OID.pbeWithSHAAnd40BitRC2CBC]: { kind: 'rc2', keyLength: 5 },
};

export function isPkcs12Pbe(algorithm: string): boolean {
  return algorithm in CIPHERS;
}

/** `params` is the pkcs-12PbeParams SEQUENCE { salt OCTET STRING, iterations INTEGER }. */
export function pkcs12PbeScheme(algorithm: string, params: Node | undefined, where: string): PbeScheme {
  const cipher = CIPHERS[algorithm];
  const [saltNode, iterNode] = sequence(params, `${where} PKCS#12 PBE parameters`, 2);
  const salt = octets(saltNode, `${where} PKCS#12 PBE salt`);
  const iterations = checkIterations(integer(iterNode, `${where} PKCS#12 PBE iteration count`), `${where} PKCS#12 PBE`);
  const work = [pkcs12KdfWork('sha1', iterations, cipher.keyLength), pkcs12KdfWork('sha1', iterations, 8)];
  return {
    protection: `${oidName(algorithm)} (legacy, ${iterations} iterations)`,
    legacy: true,
    work,
    async decrypt(secret, data, options = {}) {
      const [keyProgress, ivProgress] = progressParts(options.onProgress, work.map((w) => w.blocks));
      const [key, iv] = await Promise.all([
        pkcs12Kdf('sha1', secret.bmp, salt, KDF_ID.key, iterations, cipher.keyLength, { signal: options.signal, onProgress: keyProgress }),
        pkcs12Kdf('sha1', secret.bmp, salt, KDF_ID.iv, iterations, 8, { signal: options.signal, onProgress: ivProgress }),
      ]);
      if (cipher.kind === 'rc2') return rc2CbcDecrypt(key, cipher.keyLength * 8, iv, data);
      // Two-key 3DES is K1 K2 K1.
      const key3 = cipher.keyLength === 24 ? key : Uint8Array.from([...key, ...key.subarray(0, 8)]);
      return decryptCbc('des-ede3-cbc', key3, iv, data);
    },
  };
}
