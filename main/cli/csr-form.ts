/**
 * The form of `certbench csr` and `certbench selfsign` from the command line: a template, then a config file,
 * then the flags, each overriding what came before (CLI.md "csr / selfsign"). Only parsing: the lints judge
 * the values (a three-letter country, an empty CN, a malformed IP) in the same words as the app.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CsrSpecDto, KeySpecName, KeyUsageName, SanDto, SelfSignDto, SignatureHash, SubjectAttributeDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { importReqConfig } from '../pki/x509/openssl-config';
import { CsrTemplateStore } from '../workbench/csr-templates-store';
import { defaultDataDir } from '../workbench/data-dir';
import type { ParsedArgs } from './args';

/** Flags of both commands; selfsign adds SELFSIGN_VALUE_FLAGS / SELFSIGN_BOOLEAN_FLAGS. */
export const FORM_VALUE_FLAGS = ['subject', 'cn', 'o', 'ou', 'l', 'st', 'c', 'email', 'san', 'key-usage', 'ext-key-usage', 'config', 'template', 'key', 'key-file', 'challenge-password', 'hash'];
export const FORM_BOOLEAN_FLAGS = ['no-cn-san', 'key-usage-critical'];

/** Flag → subject attribute, in the conventional order new attributes are placed in. */
const NAME_FLAGS: [flag: string, type: string][] = [
  ['c', 'C'],
  ['st', 'ST'],
  ['l', 'L'],
  ['o', 'O'],
  ['ou', 'OU'],
  ['cn', 'CN'],
  ['email', 'emailAddress'],
];
const ORDER = NAME_FLAGS.map(([, type]) => type);

const KEY_SPECS: KeySpecName[] = ['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384', 'ec:P-521', 'ed25519'];
const KEY_USAGES: KeyUsageName[] = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
const EKU_NAMES = ['serverAuth', 'clientAuth', 'codeSigning', 'emailProtection', 'timeStamping', 'OCSPSigning'];
const HASHES: SignatureHash[] = ['sha256', 'sha384', 'sha512', 'sha1'];
const SAN_TYPES: Record<string, SanDto['type']> = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' };

export interface CliForm {
  spec: CsrSpecDto;
  /** The key to make, or null with --key-file. */
  keySpec: KeySpecName | null;
  keyFile: string | null;
  /** Defaults a config file gives for a self-signed certificate (x509_extensions, default_days). */
  selfSign: Partial<SelfSignDto> | null;
  /** What the config file asked that the form cannot hold. */
  warnings: string[];
}

const DEFAULT_SPEC: CsrSpecDto = { subject: [], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };

export async function formFromArgs(args: ParsedArgs, usage: string): Promise<CliForm> {
  const bad = (message: string, hint = `Usage: ${usage}`) => new PkiError('INVALID_ARGUMENT', message, hint);
  const last = (name: string) => args.values.get(name)?.at(-1);
  const all = (name: string) => args.values.get(name) ?? [];

  let spec: CsrSpecDto = { ...DEFAULT_SPEC };
  let keySpec: KeySpecName | null = null;
  let selfSign: Partial<SelfSignDto> | null = null;
  const warnings: string[] = [];

  const templateName = last('template');
  if (templateName !== undefined) {
    const template = await findTemplate(templateName);
    spec = structuredClone(template.spec);
    keySpec = template.key;
  }
  const configPath = last('config');
  if (configPath !== undefined) {
    const imported = importReqConfig(readText(configPath), basename(configPath));
    spec = imported.spec;
    keySpec = imported.key ?? keySpec;
    selfSign = imported.selfSign;
    warnings.push(...imported.warnings);
  }

  const subjectLine = last('subject');
  if (subjectLine !== undefined) spec.subject = parseSubject(subjectLine);
  for (const [flag, type] of NAME_FLAGS) {
    const values = all(flag);
    if (values.length) spec.subject = withAttribute(spec.subject, type, values);
  }
  if (args.values.has('san')) spec.san = all('san').flatMap(parseSans);
  if (args.flags.has('no-cn-san')) spec.cnAsSan = false;
  if (args.values.has('key-usage')) spec.keyUsage = list(all('key-usage')).map((u) => keyUsage(u, bad));
  if (args.flags.has('key-usage-critical')) spec.keyUsageCritical = true;
  if (args.values.has('ext-key-usage')) spec.extendedKeyUsage = list(all('ext-key-usage')).map((u) => extendedKeyUsage(u, bad));
  const challenge = last('challenge-password');
  if (challenge !== undefined) spec.challengePassword = challenge;
  const hash = last('hash');
  if (hash !== undefined) {
    const h = hash.toLowerCase().replace('-', '') as SignatureHash;
    if (!HASHES.includes(h)) throw bad(`--hash is sha256, sha384, sha512 or sha1, not "${hash}".`);
    spec.signatureHash = h;
  }

  const keyName = last('key');
  const keyFile = last('key-file') ?? null;
  if (keyName !== undefined && keyFile !== null) throw bad('Give either --key (make a new key) or --key-file (use an existing one), not both.');
  if (keyName !== undefined) keySpec = keySpecOf(keyName, bad);
  if (keyFile !== null) keySpec = null;
  else keySpec ??= 'rsa:2048';
  if (spec.subject.length === 0 && spec.san.length === 0) throw bad('The request names nothing: give --cn (or --subject, --config, --template).');
  return { spec, keySpec, keyFile, selfSign, warnings };
}

/** "/C=US/ST=MN/O=Example/CN=host.example" as openssl -subj takes it; "\/" and "\\" escape. */
export function parseSubject(line: string): SubjectAttributeDto[] {
  const text = line.trim();
  if (!text.startsWith('/')) throw new PkiError('INVALID_ARGUMENT', `--subject "${line}" does not start with "/".`, 'Write it as openssl -subj does: /C=US/O=Example/CN=host.example');
  const parts: string[] = [];
  let current = '';
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) current += text[++i];
    else if (ch === '/') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .filter((p, i) => p !== '' || i < parts.length - 1)
    .map((p) => {
      const eq = p.indexOf('=');
      if (eq <= 0) throw new PkiError('INVALID_ARGUMENT', `"${p}" in --subject is not TYPE=value.`, 'Write it as openssl -subj does: /C=US/O=Example/CN=host.example');
      return { type: p.slice(0, eq).trim(), value: p.slice(eq + 1) };
    });
}

/** Replaces every attribute of `type` with `values` where the first was, or adds them in the conventional order. */
function withAttribute(subject: SubjectAttributeDto[], type: string, values: string[]): SubjectAttributeDto[] {
  const fresh = values.map((value) => ({ type, value }));
  const at = subject.findIndex((a) => a.type === type);
  if (at >= 0) return [...subject.slice(0, at), ...fresh, ...subject.slice(at).filter((a) => a.type !== type)];
  const rank = ORDER.indexOf(type);
  const before = subject.findIndex((a) => ORDER.indexOf(a.type) > rank);
  return before < 0 ? [...subject, ...fresh] : [...subject.slice(0, before), ...fresh, ...subject.slice(before)];
}

/** "DNS:a.example", "IP:10.0.0.1", "email:x@y", "URI:https://u"; several separated by commas as openssl's -addext. */
export function parseSans(text: string): SanDto[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const colon = s.indexOf(':');
      const type = colon > 0 ? SAN_TYPES[s.slice(0, colon).toLowerCase()] : undefined;
      if (!type) throw new PkiError('INVALID_ARGUMENT', `--san "${s}" has no type.`, 'Write each name with its type: DNS:host.example, IP:10.0.0.1, email:ops@example.com or URI:https://example.com');
      return { type, value: s.slice(colon + 1).trim() };
    });
}

const list = (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

function keyUsage(name: string, bad: (m: string, h?: string) => PkiError): KeyUsageName {
  const found = KEY_USAGES.find((k) => k.toLowerCase() === name.toLowerCase());
  if (!found) throw bad(`"${name}" is not a key usage.`, `Key usages: ${KEY_USAGES.join(', ')}.`);
  return found;
}

function extendedKeyUsage(name: string, bad: (m: string, h?: string) => PkiError): string {
  const found = EKU_NAMES.find((k) => k.toLowerCase() === name.toLowerCase());
  if (found) return found;
  if (/^[0-2](\.(0|[1-9]\d*))+$/.test(name)) return name;
  throw bad(`"${name}" is not an extended key usage.`, `Use ${EKU_NAMES.join(', ')} or a dotted OID.`);
}

function keySpecOf(name: string, bad: (m: string, h?: string) => PkiError): KeySpecName {
  const found = KEY_SPECS.find((k) => k.toLowerCase() === name.toLowerCase());
  if (!found) throw bad(`--key "${name}" is not a key Certbench makes.`, `Keys: ${KEY_SPECS.join(', ')}.`);
  return found;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PkiError('NOT_FOUND', `Cannot read ${path}${code === 'ENOENT' ? ': there is no such file' : ` (${code})`}.`, 'Check the path given to --config.');
  }
}

/** A built-in template by name or id, or one the user saved in the app (CERTBENCH_DATA_DIR, else the desktop app's data folder). */
async function findTemplate(name: string) {
  const templates = await new CsrTemplateStore(defaultDataDir()).list();
  const wanted = name.trim().toLowerCase();
  const found = templates.find((t) => t.id.toLowerCase() === wanted || t.name.toLowerCase() === wanted);
  if (!found) throw new PkiError('INVALID_ARGUMENT', `There is no template "${name}".`, `Templates: ${templates.map((t) => `"${t.name}" (${t.id})`).join(', ') || 'none'}.`);
  return found;
}

/** `--out server.csr` → server.key; the default for --key-out. */
export function keyPathFor(out: string): string {
  const name = basename(out);
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? out.slice(0, out.length - (name.length - dot)) : out) + '.key';
}
