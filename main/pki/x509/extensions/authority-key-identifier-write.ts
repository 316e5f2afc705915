import * as der from '../../der/write';
import type { ExtensionValue } from './extension-write';

/** authorityKeyIdentifier with the keyIdentifier [0] only, as OpenSSL writes `keyid` for a self-signed certificate. */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): ExtensionValue {
  return { oid: '2.5.29.35', critical: false, value: der.sequence(der.implicitPrimitive(0, keyId)) };
}
