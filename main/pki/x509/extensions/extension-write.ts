/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 4.1). */
import * as der from '../../der/write';

export interface ExtensionValue {
  oid: string;
  critical: boolean;
  /** The DER the extnValue OCTET STRING wraps. */
  value: Uint8Array;
}

/** DER leaves a DEFAULT FALSE out, so a non-critical extension carries no BOOLEAN. */
export function writeExtension({ oid, critical, value }: ExtensionValue): Uint8Array {
  const parts = [der.objectIdentifier(oid)];
  if (critical) parts.push(der.tlv(0x01, Uint8Array.of(0xff)));
  parts.push(der.octetString(value));
  return der.sequence(...parts);
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension. */
export const writeExtensions = (extensions: readonly ExtensionValue[]): Uint8Array => der.sequence(...extensions.map(writeExtension));
