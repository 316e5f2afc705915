/**
 * The order of a CSR's requested extensions: SAN, key usage, extended key usage unless the spec says otherwise
 * (an imported config keeps its own order, as openssl does, so the CSR is byte-for-byte the one openssl makes).
 */
import type { CsrSpecDto, RequestedExtensionName } from '../../api/dto';

export const DEFAULT_EXTENSION_ORDER: readonly RequestedExtensionName[] = ['subjectAltName', 'keyUsage', 'extendedKeyUsage'];

export function requestedExtensionOrder(spec: Pick<CsrSpecDto, 'extensionOrder'>): RequestedExtensionName[] {
  const given = [...new Set(spec.extensionOrder ?? [])].filter((n) => DEFAULT_EXTENSION_ORDER.includes(n));
  return [...given, ...DEFAULT_EXTENSION_ORDER.filter((n) => !given.includes(n))];
}
