/**
 * `openssl req` command lines that make the same key and CSR (or self-signed certificate) as the form: one
 * step with -subj and -addext, and with the exported config file. openssl asks for the key's passphrase
 * itself, so the key is encrypted unless the user adds -noenc.
 */
import type { CsrSpecDto, EquivalentCommandDto, KeySpecName, RequestedExtensionName, SanDto, SelfSignDto } from '../../../api/dto';
import { requestedExtensionOrder } from '../requested-extension-order';
import { confValue } from './conf-value';
import { subjectAltNames as sansWithCn } from '../requested-extensions';
import { commandLine } from './shell';
import { subjectLine } from './subject-line';

export interface CommandOptions {
  baseName: string;
  selfSign?: SelfSignDto;
}

/** How openssl makes the key: -newkey for a new one, -key for one the user already has (NAME.key). */
function keyArgs(key: KeySpecName | null, baseName: string): string[] {
  if (key === null) return ['-key', `${baseName}.key`];
  const make = key === 'ed25519' ? ['-newkey', 'ed25519'] : key.startsWith('ec:') ? ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${key.slice(3)}`] : ['-newkey', key];
  return [...make, '-keyout', `${baseName}.key`];
}

/** -addext takes one `name=value` config line (read by the same config parser as a file), SANs inline. */
function addext(name: string, value: string): string[] {
  return ['-addext', `${name}=${confValue(value)}`];
}

const sanItem = (s: SanDto) => `${s.type}:${s.value}`;

/** The extensions as -addext options; a CA certificate gets keyCertSign and cRLSign, critical (as Certbench writes it). */
function extensionArgs(spec: CsrSpecDto, selfSign: SelfSignDto | undefined): string[] {
  const out: string[] = [];
  if (selfSign) {
    const bc = selfSign.ca ? `critical,CA:TRUE${selfSign.pathLength !== undefined ? `,pathlen:${selfSign.pathLength}` : ''}` : 'critical,CA:FALSE';
    out.push(...addext('basicConstraints', bc));
  }
  const san = sansWithCn(spec);
  const ku = selfSign?.ca ? [...new Set([...spec.keyUsage, 'keyCertSign', 'cRLSign'])] : spec.keyUsage;
  const value: Record<RequestedExtensionName, string | null> = {
    subjectAltName: san.length ? san.map(sanItem).join(',') : null,
    keyUsage: ku.length ? [...(spec.keyUsageCritical || selfSign?.ca ? ['critical'] : []), ...ku].join(',') : null,
    extendedKeyUsage: spec.extendedKeyUsage.length ? spec.extendedKeyUsage.join(',') : null,
  };
  for (const name of requestedExtensionOrder(spec)) if (value[name] !== null) out.push(...addext(name, value[name]));
  return out;
}

function outputArgs(baseName: string, selfSign: SelfSignDto | undefined): string[] {
  return selfSign ? ['-x509', '-days', String(selfSign.days), '-out', `${baseName}.crt`] : ['-out', `${baseName}.csr`];
}

const hashArgs = (spec: CsrSpecDto, key: KeySpecName | null) => (key === 'ed25519' ? [] : [`-${spec.signatureHash}`]);
const utf8Args = (spec: CsrSpecDto) => (spec.subject.some((a) => /[^\x00-\x7f]/.test(a.value)) ? ['-utf8'] : []);

/** Inline SAN lists (-addext, keytool -ext) split on commas and cannot escape one: say so rather than mislead. */
export function commaCaveat(spec: CsrSpecDto): string {
  const bad = sansWithCn(spec).find((s) => s.value.includes(','));
  return bad ? ` (the name ${bad.type}:${bad.value} holds a comma, which only the config file can carry: use that command)` : '';
}

export function opensslCommands(spec: CsrSpecDto, key: KeySpecName | null, { baseName, selfSign }: CommandOptions): EquivalentCommandDto[] {
  const what = selfSign ? 'a self-signed certificate' : 'the CSR';
  const keyWords = key === null ? `From your key ${baseName}.key, make ${what}` : `Make the key and ${what} on the server, in one step`;
  const oneStep = ['openssl', 'req', '-new', ...keyArgs(key, baseName), ...outputArgs(baseName, selfSign), ...utf8Args(spec), ...hashArgs(spec, key), '-subj', subjectLine(spec), ...extensionArgs(spec, selfSign)];
  const withConfig = ['openssl', 'req', '-new', '-config', `${baseName}.cnf`, ...keyArgs(key, baseName), ...outputArgs(baseName, selfSign)];
  const password = spec.challengePassword ? ' (this one carries the challenge password too)' : '';
  return [
    { tool: 'openssl', label: keyWords + commaCaveat(spec), command: commandLine(oneStep) },
    { tool: 'openssl', label: `The same with the config file: save it as ${baseName}.cnf first${password}`, command: commandLine(withConfig) },
  ];
}
