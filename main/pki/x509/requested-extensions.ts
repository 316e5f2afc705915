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

const lastCn = (spec: CsrSpecDto) => [...spec.subject].reverse().find((a) => attributeOid(a.type) === CN_OID)?.value;

/**
 * The CN as a SAN when `cnAsSan` asks for it and it is not listed yet (the last CN: the most specific), or
 * 'not a host name' when the CN can be neither a DNS name nor an IP address.
 */
function cnAsSan(spec: CsrSpecDto): SanDto | null | 'not a host name' {
  const cn = lastCn(spec);
  if (!spec.cnAsSan || !cn) return null;
  const asSan: SanDto = parseIpAddress(cn) ? { type: 'IP', value: cn } : { type: 'DNS', value: cn };
  if (asSan.type === 'DNS' && !HOST_NAME.test(cn)) return 'not a host name';
  return spec.san.some((s) => sameName(s, asSan)) ? null : asSan;
}

/**
 * The SAN list as the CSR will carry it, for the config exporter and the commands: the CN first when
 * `cnAsSan` adds it. A CN that is not a host name is left out here; writeCsr refuses it (INVALID_ARGUMENT).
 */
export function subjectAltNames(spec: CsrSpecDto): SanDto[] {
  const cn = cnAsSan(spec);
  return cn && cn !== 'not a host name' ? [cn, ...spec.san] : [...spec.san];
}

/** The extensions to request (or to put in a self-signed certificate); `extra` overrides the key usage. */
export function requestedExtensions(spec: CsrSpecDto, extra: { keyUsage?: CsrSpecDto['keyUsage']; keyUsageCritical?: boolean } = {}): ExtensionValue[] {
  const byName: Partial<Record<RequestedExtensionName, ExtensionValue>> = {};
  const cn = cnAsSan(spec);
  if (cn === 'not a host name') {
    throw new PkiError(
      'INVALID_ARGUMENT',
      `The common name "${lastCn(spec)}" is not a host name or IP address, so it cannot be added as a SAN.`,
      'Turn off "add the CN as a SAN" (client certificates usually do), or make the CN a host name.',
    );
  }
  // The added CN goes first (a valid name), so the errors still number the rows as the form shows them.
  const san = cn ? [cn, ...spec.san] : spec.san;
  if (san.length > 0) byName.subjectAltName = subjectAltNameExtension(san, spec.subject.length === 0, cn ? -1 : 0);
  const keyUsage = extra.keyUsage ?? spec.keyUsage;
  if (keyUsage.length > 0) byName.keyUsage = keyUsageExtension(keyUsage, extra.keyUsageCritical ?? spec.keyUsageCritical ?? false);
  if (spec.extendedKeyUsage.length > 0) byName.extendedKeyUsage = extendedKeyUsageExtension(spec.extendedKeyUsage);
  return requestedExtensionOrder(spec).flatMap((name) => byName[name] ?? []);
}
