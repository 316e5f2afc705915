/**
 * The extensions a CSR form asks for, shared by the CSR (extensionRequest) and the self-signed certificate.
 * Order: subjectAltName, keyUsage, extendedKeyUsage unless spec.extensionOrder says otherwise (an imported config's
 * order: OpenSSL keeps the order of a req_extensions section, and of -addext options).
 */
import type { CsrSpecDto, RequestedExtensionName, SanDto } from '../../api/dto';
import { PkiError } from '../errors';
import type { ExtensionValue } from './extensions/extension-write';
import { extendedKeyUsageExtension } from './extensions/extended-key-usage-write';
import { keyUsageExtension } from './extensions/key-usage-write';
import { subjectAltNameExtension } from './extensions/subject-alt-name-write';
import { attributeOid } from './name-write';
import { parseIpAddress } from './ip-address';
import { requestedExtensionOrder } from './requested-extension-order';

const CN_OID = '2.5.4.3';
const HOST_NAME = /^[A-Za-z0-9*_-]+(\.[A-Za-z0-9_-]+)*\.?$/;

function sameName(a: SanDto, b: SanDto): boolean {
  if (a.type !== b.type) return false;
  if (a.type !== 'IP') return a.value.toLowerCase() === b.value.toLowerCase();
  const x = parseIpAddress(a.value);
  const y = parseIpAddress(b.value);
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The CN as a SAN when `cnAsSan` asks for it and it is not listed yet (the last CN: the most specific). */
function cnSan(spec: CsrSpecDto): SanDto | null {
  if (!spec.cnAsSan) return null;
  const cn = [...spec.subject].reverse().find((a) => attributeOid(a.type) === CN_OID)?.value;
  if (!cn) return null;
  const asSan: SanDto = parseIpAddress(cn) ? { type: 'IP', value: cn } : { type: 'DNS', value: cn };
  if (asSan.type === 'DNS' && !HOST_NAME.test(cn)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      `The common name "${cn}" is not a host name or IP address, so it cannot be added as a SAN.`,
      'Turn off "add the CN as a SAN" (client certificates usually do), or make the CN a host name.',
    );
  }
  return spec.san.some((s) => sameName(s, asSan)) ? null : asSan;
}

/** The SAN list with `cnAsSan` applied: the CN first, as DNS or IP, when not listed yet. */
export function subjectAltNames(spec: CsrSpecDto): SanDto[] {
  const cn = cnSan(spec);
  return cn ? [cn, ...spec.san] : [...spec.san];
}

/** The extensions to request (or to put in a self-signed certificate); `extra` overrides the key usage. */
export function requestedExtensions(spec: CsrSpecDto, extra: { keyUsage?: CsrSpecDto['keyUsage']; keyUsageCritical?: boolean } = {}): ExtensionValue[] {
  const byName: Partial<Record<RequestedExtensionName, ExtensionValue>> = {};
  const cn = cnSan(spec);
  // Errors name the form's rows: the added CN (already checked above) is row "0".
  const san = cn ? [cn, ...spec.san] : spec.san;
  if (san.length > 0) byName.subjectAltName = subjectAltNameExtension(san, spec.subject.length === 0, cn ? -1 : 0);
  const keyUsage = extra.keyUsage ?? spec.keyUsage;
  if (keyUsage.length > 0) byName.keyUsage = keyUsageExtension(keyUsage, extra.keyUsageCritical ?? spec.keyUsageCritical ?? false);
  if (spec.extendedKeyUsage.length > 0) byName.extendedKeyUsage = extendedKeyUsageExtension(spec.extendedKeyUsage);
  return requestedExtensionOrder(spec).flatMap((name) => byName[name] ?? []);
}
