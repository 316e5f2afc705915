import { digest } from '../../crypto';
import { children, expectTag, readRoot, Tag, value } from '../../der/der';
import * as der from '../../der/write';
import type { ExtensionValue } from './extension-write';

/** RFC 5280 4.2.1.2 method (1), OpenSSL's `hash`: SHA-1 of the subjectPublicKey BIT STRING's bits. */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const [, key] = children(readRoot(spki, 'public key info'), 'public key info');
  return digest('sha1', value(expectTag(key, Tag.BitString, 'public key')).subarray(1));
}

export function subjectKeyIdentifierExtension(spki: Uint8Array): ExtensionValue {
  return { oid: '2.5.29.14', critical: false, value: der.octetString(keyIdentifier(spki)) };
}
