/**
 * Consistency of a PKCS#1 RSAPrivateKey, in BigInt. OpenSSL 3 loads inconsistent keys without complaint
 * (pyca's rsa-bad-1025-q-is-2.pem has q = 2), and a key that signs garbage is worse than an error.
 */
import { corrupt } from '../errors';

export interface RsaPrivateParts {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qInv: bigint;
}

/** Throws CORRUPT naming the first relation that does not hold. */
export function checkRsaPrivateKey(k: RsaPrivateParts, where: string): void {
  const fail = (why: string) => {
    throw corrupt(`${where}: the RSA key is inconsistent (${why})`, 'The key cannot be used; get a correct copy from its source.');
  };
  if (k.n <= 0n || k.e <= 1n || k.d <= 0n) fail('a value is zero or negative');
  if (k.p <= 2n || k.q <= 2n || (k.p & 1n) === 0n || (k.q & 1n) === 0n) fail('a prime factor is even or too small');
  if (k.p * k.q !== k.n) fail('the modulus is not the product of its primes');
  if (k.d % (k.p - 1n) !== k.dp || k.d % (k.q - 1n) !== k.dq) fail('the CRT exponents do not match');
  if ((k.e * k.dp) % (k.p - 1n) !== 1n || (k.e * k.dq) % (k.q - 1n) !== 1n) fail('the private exponent does not invert the public one');
  if ((k.qInv * k.q) % k.p !== 1n) fail('the CRT coefficient is wrong');
}
