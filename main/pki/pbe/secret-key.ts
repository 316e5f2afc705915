/** Java's PKCS12 KeyStore stores secret keys as PKCS#8-shaped SEQUENCE { version, AlgorithmIdentifier, OCTET STRING key }. */
import { octets, oid, parse, sequence } from '../der/asn1';

const SECRET_ALGORITHMS: Record<string, string> = {
  '2.16.840.1.101.3.4.1': 'AES',
  '1.2.840.113549.3.7': 'DESede',
  '1.3.14.3.2.7': 'DES',
  '1.2.840.113549.2.7': 'HmacSHA1',
  '1.2.840.113549.2.9': 'HmacSHA256',
  '1.2.840.113549.2.10': 'HmacSHA384',
  '1.2.840.113549.2.11': 'HmacSHA512',
};

/** Algorithm name and size; the key bytes themselves are dropped here (never listed or exported). */
export function describeSecretKey(info: Uint8Array): { algorithm: string; sizeBits?: number } {
  const [, alg, key] = sequence(parse(info, 'the secret key', 'ber'), 'the secret key', 3);
  const algorithm = oid(sequence(alg, 'the secret key algorithm', 1)[0], 'the secret key algorithm');
  return { algorithm: SECRET_ALGORITHMS[algorithm] ?? algorithm, sizeBits: octets(key, 'the secret key value').length * 8 };
}
