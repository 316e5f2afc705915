/**
 * Whether a private key belongs to a certificate: the key's public half is the certificate's
 * SubjectPublicKeyInfo. The one check every keystore writer makes before writing a key with its chain.
 */
import { privateKeyFacts } from '../crypto';
import { whole } from '../der/der';
import { certificateFields, equalBytes } from '../x509/certificate';

/** Throws the crypto port's PkiError when the key cannot be used (UNSUPPORTED_ALGORITHM, CORRUPT). */
export function keyMatchesCertificate(pkcs8: Uint8Array, certificateDer: Uint8Array): boolean {
  return equalBytes(privateKeyFacts(pkcs8).spki, whole(certificateFields(certificateDer).spki));
}
