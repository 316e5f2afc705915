import * as der from '../../der/write';
import { PkiError } from '../../errors';
import { EXTENDED_KEY_USAGES } from '../oids';
import type { ExtensionValue } from './extension-write';

const BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(EXTENDED_KEY_USAGES).map(([oid, name]) => [name, oid]));
const DOTTED_OID = /^([01]\.([0-9]|[1-3][0-9])|2\.(0|[1-9][0-9]*))(\.(0|[1-9][0-9]*))+$/;

/** The OID of an EKU: an OpenSSL short name (serverAuth ...) or a dotted OID, which passes through. */
export function extendedKeyUsageOid(name: string, index: number): string {
  if (Object.hasOwn(BY_NAME, name)) return BY_NAME[name];
  if (typeof name === 'string' && DOTTED_OID.test(name)) return name;
  throw new PkiError(
    'INVALID_ARGUMENT',
    `Extended key usage ${index + 1}: "${String(name)}" is not a usage Certbench knows.`,
    'Use serverAuth, clientAuth, codeSigning, emailProtection, timeStamping or OCSPSigning, or a dotted OID such as 1.3.6.1.5.5.7.3.1.',
  );
}

/** extKeyUsage, non-critical (as OpenSSL writes `extendedKeyUsage = ...` unless told "critical,"). */
export function extendedKeyUsageExtension(usages: readonly string[]): ExtensionValue {
  return { oid: '2.5.29.37', critical: false, value: der.sequence(...usages.map((u, i) => der.objectIdentifier(extendedKeyUsageOid(u, i)))) };
}
