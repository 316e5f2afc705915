/** PKCS#10 certification requests from the form (issue 12). Owner: csr-engine. */
import type { CsrSpecDto } from '../../api/dto';
import { privateKeyFacts } from '../crypto';
import * as der from '../der/write';
import { PkiError } from '../errors';
import { writeExtensions } from './extensions/extension-write';
import { writeName } from './name-write';
import { requestedExtensions } from './requested-extensions';
import { signatureAlgorithm, signed } from './sign';
import { wellFormed } from './well-formed';

const CHALLENGE_PASSWORD = '1.2.840.113549.1.9.7';
const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const SUBJECT_ALT_NAME = '2.5.29.17';

/** PKCS#9 challengePassword as OpenSSL 3 writes it (string_mask utf8only): a UTF8String. */
function challengePasswordAttribute(password: string): Uint8Array {
  if ([...password].length > 255) throw new PkiError('INVALID_ARGUMENT', 'The challenge password is longer than 255 characters.', 'PKCS#9 allows at most 255 characters; shorten it.');
  if (!wellFormed(password)) throw new PkiError('INVALID_ARGUMENT', 'The challenge password holds a broken character (a lone UTF-16 surrogate).', 'Retype the password.');
  return der.sequence(der.objectIdentifier(CHALLENGE_PASSWORD), der.setOf(der.utf8String(password)));
}

/**
 * The CSR (DER) for `spec`, signed with `pkcs8`; applies `cnAsSan`. INVALID_ARGUMENT for a value that cannot be
 * encoded (malformed IP, unknown attribute type); the lints say more, before this is called.
 *
 * CertificationRequestInfo as `openssl req -new` writes it: version 0, the subject, the key's SPKI, and the
 * attributes [0] (a DER-sorted SET, present even when empty): challengePassword when given, extensionRequest
 * (SAN, KU, EKU; see requested-extensions.ts) when there is any extension.
 */
export function writeCsr(spec: CsrSpecDto, pkcs8: Uint8Array): Uint8Array {
  const algorithm = signatureAlgorithm(pkcs8, spec.signatureHash ?? 'sha256');
  const attributes: Uint8Array[] = [];
  // An empty field is no password (a form sends ''), as OpenSSL leaves out an attribute without a value.
  if (spec.challengePassword) attributes.push(challengePasswordAttribute(spec.challengePassword));
  const extensions = requestedExtensions(spec);
  if (extensions.length > 0) attributes.push(der.sequence(der.objectIdentifier(EXTENSION_REQUEST), der.setOf(writeExtensions(extensions))));
  const info = der.sequence(der.integer(0), writeName(spec.subject, extensions.some((e) => e.oid === SUBJECT_ALT_NAME)), privateKeyFacts(pkcs8).spki, der.implicitSetOf(0, ...attributes));
  return signed(info, pkcs8, algorithm);
}
