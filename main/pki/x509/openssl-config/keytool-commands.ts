/**
 * keytool command lines (Java 17) that make the same key and CSR: -genkeypair into a PKCS#12 keystore (keytool
 * always makes a self-signed certificate with the key), then -certreq, which needs the -ext options again:
 * without them keytool's CSR carries only a subject key identifier. keytool asks for the store password itself.
 */
import type { CsrSpecDto, EquivalentCommandDto, KeySpecName, SanType, SubjectAttributeDto } from '../../../api/dto';
import { fieldOfType } from '../subject-fields';
import { ekuOid } from './ext-values';
import { commaCaveat, type CommandOptions } from './openssl-commands';
import { subjectAltNames as sansWithCn } from '../requested-extensions';
import { commandLine } from './shell';

/** keytool's -dname keywords (sun.security.x509.AVAKeyword); other types go by OID. */
const KEYWORDS: Record<string, string> = {
  C: 'C',
  ST: 'ST',
  L: 'L',
  O: 'O',
  OU: 'OU',
  CN: 'CN',
  emailAddress: 'EMAILADDRESS',
  serialNumber: 'SERIALNUMBER',
  street: 'STREET',
  DC: 'DC',
  UID: 'UID',
  title: 'T',
  GN: 'GIVENNAME',
  SN: 'SURNAME',
  initials: 'INITIALS',
};

/** RFC 2253 escaping, which keytool's dname parser follows: specials, a leading # or space, a trailing space. */
function dnameValue(v: string): string {
  let s = v.replace(/[\\,+="<>;]/g, (c) => '\\' + c);
  if (/^[ #]/.test(s)) s = '\\' + s;
  if (/ $/.test(s) && !/\\ $/.test(s)) s = s.slice(0, -1) + '\\ ';
  return s;
}

/** keytool writes the RDNs in the reverse of the string's order, as RFC 2253 text is: most specific first. */
export function dname(subject: SubjectAttributeDto[]): string {
  return [...subject]
    .reverse()
    .map((a) => `${KEYWORDS[a.type] ?? fieldOfType(a.type)?.oid ?? a.type}=${dnameValue(a.value)}`)
    .join(',');
}

const SAN_WORDS: Record<SanType, string> = { DNS: 'dns', IP: 'ip', email: 'email', URI: 'uri' };
const KEYTOOL_EKUS = new Set(['serverAuth', 'clientAuth', 'codeSigning', 'emailProtection', 'timeStamping', 'OCSPSigning', 'anyExtendedKeyUsage']);

function extArgs(spec: CsrSpecDto, ca?: { pathLength?: number }): string[] {
  const out: string[] = [];
  const san = sansWithCn(spec);
  if (san.length) out.push('-ext', 'SAN=' + san.map((s) => `${SAN_WORDS[s.type]}:${s.value}`).join(','));
  const ku = ca ? [...new Set([...spec.keyUsage, 'keyCertSign', 'cRLSign'])] : spec.keyUsage;
  if (ku.length) out.push('-ext', `KU${spec.keyUsageCritical || ca ? ':c' : ''}=${ku.join(',')}`);
  if (spec.extendedKeyUsage.length) out.push('-ext', 'EKU=' + spec.extendedKeyUsage.map((e) => (KEYTOOL_EKUS.has(e) ? e : ekuOid(e) ?? e)).join(','));
  return out;
}

function keyAlgorithm(key: KeySpecName): string[] {
  if (key === 'ed25519') return ['-keyalg', 'Ed25519'];
  if (key.startsWith('ec:')) return ['-keyalg', 'EC', '-groupname', { 'ec:P-256': 'secp256r1', 'ec:P-384': 'secp384r1', 'ec:P-521': 'secp521r1' }[key as 'ec:P-256']];
  return ['-keyalg', 'RSA', '-keysize', key.slice(4)];
}

function sigalg(spec: CsrSpecDto, key: KeySpecName): string[] {
  if (key === 'ed25519') return [];
  const hash = spec.signatureHash.toUpperCase();
  return ['-sigalg', `${hash}with${key.startsWith('ec:') ? 'ECDSA' : 'RSA'}`];
}

/** Needs a new key: keytool cannot take a PEM key the user already has. */
export function keytoolCommands(spec: CsrSpecDto, key: KeySpecName | null, { baseName, selfSign }: CommandOptions): EquivalentCommandDto[] {
  if (key === null) return [];
  const store = ['-keystore', `${baseName}.p12`, '-storetype', 'PKCS12'];
  const basic = selfSign ? ['-ext', selfSign.ca ? `BC:c=ca:true${selfSign.pathLength !== undefined ? `,pathlen:${selfSign.pathLength}` : ''}` : 'BC:c=ca:false'] : [];
  const ca = selfSign?.ca ? { pathLength: selfSign.pathLength } : undefined;
  const genkeypair = ['keytool', '-genkeypair', '-alias', baseName, ...keyAlgorithm(key), ...sigalg(spec, key), '-dname', dname(spec.subject), ...basic, ...extArgs(spec, ca), ...(selfSign ? ['-validity', String(selfSign.days)] : []), ...store];
  const out: EquivalentCommandDto[] = [{ tool: 'keytool', label: `Make the key in a Java keystore (${baseName}.p12)${selfSign ? ' with the self-signed certificate' : ''}${commaCaveat(spec).replace('use that command', 'keytool cannot')}`, command: commandLine(genkeypair) }];
  if (selfSign) {
    out.push({ tool: 'keytool', label: `Save the self-signed certificate as ${baseName}.crt`, command: commandLine(['keytool', '-exportcert', '-rfc', '-alias', baseName, '-file', `${baseName}.crt`, ...store]) });
  } else {
    out.push({ tool: 'keytool', label: `Make the CSR (${baseName}.csr) from the keystore's key`, command: commandLine(['keytool', '-certreq', '-alias', baseName, ...sigalg(spec, key), '-file', `${baseName}.csr`, ...extArgs(spec), ...store]) });
  }
  return out;
}
