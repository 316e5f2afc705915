/**
 * The form as an `openssl req` config that `openssl req -new -config F -key K` turns into the same CSR:
 * prompt = no, the subject in the form's order, req_extensions with subjectAltName = @alt_names, string_mask =
 * utf8only (how Certbench writes strings), default_md; with a self-signed section when asked.
 */
import type { CsrSpecDto, KeySpecName, RequestedExtensionName, SanDto, SelfSignDto } from '../../../api/dto';
import { requestedExtensionOrder } from '../requested-extension-order';
import { confValue } from './conf-value';
import { fieldOfType } from '../subject-fields';
import { subjectAltNames as sansWithCn } from '../requested-extensions';
import { shellQuote } from './shell';

/** The config name of each subject field: openssl's long name, with 0., 1. ... before repeated ones. */
function subjectPairs(spec: CsrSpecDto): [string, string][] {
  const count = new Map<string, number>();
  for (const a of spec.subject) count.set(a.type, (count.get(a.type) ?? 0) + 1);
  const seen = new Map<string, number>();
  return spec.subject.map((a) => {
    const field = fieldOfType(a.type);
    const n = seen.get(a.type) ?? 0;
    seen.set(a.type, n + 1);
    const name = field && field.long !== field.oid ? field.long : a.type;
    const prefix = (count.get(a.type) ?? 0) > 1 || (name === a.type && /^[0-9]/.test(name)) ? `${n}.` : '';
    return [`${prefix}${name}`, confValue(a.value)];
  });
}

function sanPairs(san: SanDto[]): [string, string][] {
  const seen = new Map<string, number>();
  return san.map((s) => {
    const n = (seen.get(s.type) ?? 0) + 1;
    seen.set(s.type, n);
    return [`${s.type}.${n}`, confValue(s.value)];
  });
}

/** name = value lines with the `=` signs lined up. */
function aligned(pairs: [string, string][]): string[] {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(width)} = ${v}`);
}

/** The extension lines in the order the CSR writer uses (openssl writes them in the section's order). */
function extensionPairs(spec: CsrSpecDto, hasSan: boolean): [string, string][] {
  const value: Record<RequestedExtensionName, string | null> = {
    subjectAltName: hasSan ? '@alt_names' : null,
    keyUsage: spec.keyUsage.length ? (spec.keyUsageCritical ? ['critical', ...spec.keyUsage] : spec.keyUsage).join(', ') : null,
    extendedKeyUsage: spec.extendedKeyUsage.length ? spec.extendedKeyUsage.join(', ') : null,
  };
  return requestedExtensionOrder(spec).flatMap((name): [string, string][] => (value[name] === null ? [] : [[name, value[name]]]));
}

const keyHint = (key: KeySpecName | null) => (key === null ? 'rsa:2048' : key.startsWith('ec:') ? `ec -pkeyopt ec_paramgen_curve:${key.slice(3)}` : key);

/** The self-signed section as Certbench writes the certificate: a CA adds keyCertSign and cRLSign, critical. */
function x509Pairs(spec: CsrSpecDto, hasSan: boolean, selfSign: SelfSignDto): [string, string][] {
  const ca = selfSign.ca;
  const bc = ca ? ['critical', 'CA:TRUE', ...(selfSign.pathLength !== undefined ? [`pathlen:${selfSign.pathLength}`] : [])].join(', ') : 'critical, CA:FALSE';
  const forCert: CsrSpecDto = ca ? { ...spec, keyUsage: [...new Set([...spec.keyUsage, 'keyCertSign', 'cRLSign'] as const)], keyUsageCritical: true } : spec;
  return [['basicConstraints', bc], ...extensionPairs(forCert, hasSan), ['subjectKeyIdentifier', 'hash'], ['authorityKeyIdentifier', 'keyid:always']];
}

/** `baseName` names the files in the header's commands (as equivalentCommands does); default "request". */
export function exportReqConfig(spec: CsrSpecDto, key: KeySpecName | null, selfSign?: SelfSignDto, options: { baseName?: string } = {}): string {
  // A line break in the name would end the comment and turn the rest into config lines.
  const base = (options.baseName ?? 'request').replace(/[\r\n]/g, ' ');
  const file = (ext: string) => shellQuote(`${base}.${ext}`);
  const san = sansWithCn(spec);
  const make = selfSign ? `-x509 -days ${selfSign.days} -out ${file('crt')}` : `-out ${file('csr')}`;
  const password = spec.challengePassword ? spec.challengePassword : null;
  const extPairs = extensionPairs(spec, san.length > 0);
  const req: [string, string][] = [
    ['prompt', 'no'],
    ['distinguished_name', 'req_distinguished_name'],
  ];
  if (password !== null) req.push(['attributes', 'req_attributes']);
  if (extPairs.length) req.push(['req_extensions', 'req_ext']);
  if (selfSign) req.push(['x509_extensions', 'x509_ext'], ['default_days', String(selfSign.days)]);
  req.push(['string_mask', 'utf8only'], ['utf8', 'yes']);
  if (key !== 'ed25519') req.push(['default_md', spec.signatureHash]);
  if (key?.startsWith('rsa:')) req.push(['default_bits', key.slice(4)]);
  const lines: string[] = [
    `# OpenSSL req config written by Certbench. Save it as ${base}.cnf, then`,
    `#   with a key you have:  openssl req -new -config ${file('cnf')} -key ${file('key')} ${make}`,
    `#   or with a new key:    openssl req -new -config ${file('cnf')} -newkey ${keyHint(key)} -keyout ${file('key')} ${make}`,
    '',
    '[ req ]',
    ...aligned(req),
    '',
    '[ req_distinguished_name ]',
    ...aligned(subjectPairs(spec)),
  ];
  if (password !== null) lines.push('', '[ req_attributes ]', `challengePassword = ${confValue(password)}`);
  if (extPairs.length) lines.push('', '[ req_ext ]', ...aligned(extPairs));
  if (selfSign) lines.push('', '[ x509_ext ]', ...aligned(x509Pairs(spec, san.length > 0, selfSign)));
  if (san.length) lines.push('', '[ alt_names ]', ...aligned(sanPairs(san)));
  return lines.join('\n') + '\n';
}
