/**
 * One extensions section of an `openssl req` config (req_extensions or x509_extensions) in the form's terms:
 * SANs, key usage, extended key usage, basic constraints, and a plain-words note for each extension the form
 * cannot hold. Values openssl refuses give INVALID_ARGUMENT with the line, as `openssl req` refuses the file.
 */
import type { KeyUsageName, RequestedExtensionName, SanDto } from '../../../api/dto';
import { configError } from './conf-errors';
import type { ConfEntry, ConfFile } from './conf-parse';
import { type SanItems, basicConstraints, extendedKeyUsages, keyUsages, parseList, sanItems, splitCritical, ValueError, type ListItem } from './ext-values';

export interface ReqExtensions {
  /** The section's name, for warnings ("[ v3_req ]"). */
  section: string;
  san: SanDto[] | null;
  copyEmail: SanItems['copyEmail'];
  keyUsage: KeyUsageName[] | null;
  keyUsageCritical: boolean;
  extendedKeyUsage: string[] | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  /** Extensions the form leaves out, in plain words. */
  leftOut: string[];
  /** subjectKeyIdentifier / authorityKeyIdentifier: written by Certbench itself for certificates. */
  keyIdentifiers: string[];
  /** The form's extensions in the order the section lists them (openssl writes them in that order). */
  order: RequestedExtensionName[];
}

/** Extensions OpenSSL knows by these names that the form does not hold. */
const OTHER_EXTENSIONS: Record<string, string> = {
  issuerAltName: 'an issuer alternative name',
  certificatePolicies: 'certificate policies',
  policyMappings: 'policy mappings',
  policyConstraints: 'policy constraints',
  inhibitAnyPolicy: 'inhibit any policy',
  nameConstraints: 'name constraints',
  crlDistributionPoints: 'CRL distribution points',
  freshestCRL: 'freshest CRL',
  authorityInfoAccess: 'authority information access (OCSP, CA issuers)',
  subjectInfoAccess: 'subject information access',
  noCheck: 'OCSP no-check',
  tlsfeature: 'TLS feature (OCSP must-staple)',
  nsComment: 'a Netscape comment',
  nsCertType: 'a Netscape certificate type',
  nsBaseUrl: 'a Netscape base URL',
  nsRevocationUrl: 'a Netscape revocation URL',
  nsCaRevocationUrl: 'a Netscape CA revocation URL',
  nsRenewalUrl: 'a Netscape renewal URL',
  nsCaPolicyUrl: 'a Netscape CA policy URL',
  nsSslServerName: 'a Netscape SSL server name',
  proxyCertInfo: 'proxy certificate information',
  ct_precert_poison: 'the CT poison',
  subjectDirectoryAttributes: 'subject directory attributes',
};

const DOTTED = /^[0-2](\.(0|[1-9][0-9]*))+$/;

function items(conf: ConfFile, rest: string): ListItem[] | null {
  if (!rest.startsWith('@')) return parseList(rest);
  const entries = conf.sections.get(rest.slice(1));
  return entries && entries.length ? entries.map((e) => ({ name: e.name, value: e.value, line: e.line })) : null;
}

export function readExtensions(conf: ConfFile, fileName: string, section: ConfEntry): ReqExtensions {
  const entries = conf.sections.get(section.value);
  const kind = section.name === 'x509_extensions' ? 'x509' : 'request';
  if (!entries) {
    throw configError(fileName, section.line, `${section.name} names the section [ ${section.value} ], which the file does not have`, `Error checking ${kind} extension section ${section.value}`, `Add a [ ${section.value} ] section, or fix the name on line ${section.line}.`);
  }
  const out: ReqExtensions = { section: section.value, san: null, copyEmail: null, keyUsage: null, keyUsageCritical: false, extendedKeyUsage: null, basicConstraints: null, leftOut: [], keyIdentifiers: [], order: [] };
  for (const entry of entries) {
    const { critical, rest } = splitCritical(entry.value);
    const where = `[ ${section.value} ] ${entry.name}`;
    if (/^(DER|ASN1):/.test(rest)) {
      out.leftOut.push(`${entry.name} is given as raw ${rest.slice(0, rest.indexOf(':'))} in [ ${section.value} ]; the form cannot hold it, so it is left out.`);
      continue;
    }
    try {
      if (entry.name === 'subjectAltName' || entry.name === 'keyUsage' || entry.name === 'extendedKeyUsage' || entry.name === 'basicConstraints') {
        const list = items(conf, rest);
        if (!list) {
          throw new ValueError(`${entry.name} = ${rest} names a section that is missing or empty`, `invalid extension string: name=${entry.name}, section=${rest}`, `Add the [ ${rest.slice(1)} ] section with at least one entry, or fix the name.`);
        }
        if (entry.name !== 'basicConstraints') out.order.push(entry.name as RequestedExtensionName);
        if (entry.name === 'subjectAltName') {
          const s = sanItems(list);
          out.san = s.san;
          out.copyEmail = s.copyEmail;
          for (const x of s.leftOut) out.leftOut.push(`The alternative name ${x} (in ${where}) is left out: the form holds DNS, IP, email and URI names.`);
        } else if (entry.name === 'keyUsage') {
          out.keyUsage = keyUsages(list);
          out.keyUsageCritical = critical;
        } else if (entry.name === 'extendedKeyUsage') {
          out.extendedKeyUsage = extendedKeyUsages(list);
          if (critical) out.leftOut.push(`extendedKeyUsage is marked critical in [ ${section.value} ]; Certbench writes it non-critical, as CAs expect.`);
        } else {
          out.basicConstraints = basicConstraints(list);
        }
      } else if (entry.name === 'subjectKeyIdentifier' || entry.name === 'authorityKeyIdentifier') {
        out.keyIdentifiers.push(entry.name);
      } else if (OTHER_EXTENSIONS[entry.name] || DOTTED.test(entry.name)) {
        out.leftOut.push(`${entry.name} (${OTHER_EXTENSIONS[entry.name] ?? 'an extension by OID'}) in [ ${section.value} ] is left out: the form cannot hold it. Add it with openssl if your CA needs it.`);
      } else {
        throw new ValueError(`"${entry.name}" is not an extension openssl knows`, `unknown extension name: name=${entry.name}`, 'Check the spelling (names are case-sensitive: subjectAltName, keyUsage, extendedKeyUsage, basicConstraints).');
      }
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      throw configError(fileName, e.line ?? entry.line, `in ${where}: ${e.what}`, `Error checking ${kind} extension section ${section.value}: ${e.openssl}`, e.hint);
    }
  }
  return out;
}
