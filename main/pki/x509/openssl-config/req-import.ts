/**
 * An `openssl req` config into the form, read as apps/req.c reads it: the [ req ] settings (falling back to
 * the default section, as NCONF does), the subject from distinguished_name (values directly with
 * `prompt = no`, else each field's `_default`, as `openssl req -batch` takes them), the challenge password
 * from attributes, and the extensions from req_extensions (the CSR) and x509_extensions (self-signed).
 * What openssl would refuse is refused with the line; what the form cannot hold becomes a warning.
 */
import type { CsrConfigImportDto, CsrSpecDto, KeySpecName, SanDto, SelfSignDto, SignatureHash, SubjectAttributeDto } from '../../../api/dto';
import { DEFAULT_EXTENSION_ORDER } from '../requested-extension-order';
import { configError } from './conf-errors';
import { lookup, parseConf, type ConfEntry, type ConfFile } from './conf-parse';
import { dnField, fieldNameOf, valueProblem, type DnField } from '../subject-fields';
import { readExtensions, type ReqExtensions } from './req-extensions';

export type ReqConfigImport = CsrConfigImportDto & { selfSign: Partial<SelfSignDto> | null };

const REQ = 'req';
const PROMPT_SUFFIXES = ['_min', '_max', '_default', '_value'];

interface Context {
  conf: ConfFile;
  file: string;
  warnings: string[];
  /** No `prompt = no`: openssl would ask for each field, offering the file's defaults. */
  prompt: boolean;
}

/** The openssl words for a value refused by ASN1_mbstring_ncopy, from our plain-words reason. */
function opensslWords(field: DnField, problem: string): string {
  if (/at most/.test(problem)) return `string too long: maxsize=${field.max}`;
  if (/at least|empty/.test(problem)) return `string too short: minsize=${field.min}`;
  return 'illegal characters';
}

function checkedValue(ctx: Context, entry: ConfEntry, field: DnField, value: string): string {
  const problem = valueProblem(field, value);
  if (problem) {
    throw configError(ctx.file, entry.line, `the ${field.long} value "${value}" ${problem}`, opensslWords(field, problem), field.type === 'C' ? 'Write the two-letter country code (US, GB, DE ...).' : `Fix the ${field.long} value on line ${entry.line}.`);
  }
  return value;
}

/** prompt = no: every entry is a field and its value. */
function directSubject(ctx: Context, entries: ConfEntry[]): SubjectAttributeDto[] {
  const subject: SubjectAttributeDto[] = [];
  let joined = false;
  for (const entry of entries) {
    const name = fieldNameOf(entry.name);
    const field = dnField(name.type);
    if (!field) {
      throw configError(ctx.file, entry.line, `"${entry.name}" is not a subject field openssl knows`, `invalid field name: name=${name.type}`, 'Use countryName (C), stateOrProvinceName (ST), localityName (L), organizationName (O), organizationalUnitName (OU), commonName (CN) or emailAddress; prefix repeats with 0., 1. ...');
    }
    joined ||= name.joined;
    subject.push({ type: field.type, value: checkedValue(ctx, entry, field, entry.value) });
  }
  if (joined) ctx.warnings.push('The subject joins fields into one multi-valued RDN ("+" names); the form writes each field as its own RDN.');
  return subject;
}

/** Prompt mode: openssl asks for each field; `openssl req -batch` takes each `_default` (or `_value`), as Certbench does. */
function promptedSubject(ctx: Context, section: string, entries: ConfEntry[]): SubjectAttributeDto[] {
  const subject: SubjectAttributeDto[] = [];
  const asked: string[] = [];
  const unknown: string[] = [];
  for (const entry of entries) {
    if (PROMPT_SUFFIXES.some((s) => entry.name.endsWith(s))) continue;
    const name = fieldNameOf(entry.name);
    const field = dnField(name.type);
    if (!field) {
      unknown.push(entry.name);
      continue;
    }
    const given = lookup(ctx.conf, section, entry.name + '_value') ?? lookup(ctx.conf, section, entry.name + '_default');
    if (!given || given.value === '') {
      asked.push(field.short);
      continue;
    }
    const min = Number(lookup(ctx.conf, section, entry.name + '_min')?.value ?? -1);
    const max = Number(lookup(ctx.conf, section, entry.name + '_max')?.value ?? -1);
    const bytes = Buffer.byteLength(given.value);
    if ((min >= 0 && bytes < min) || (max >= 0 && bytes > max)) {
      throw configError(ctx.file, given.line, `the default "${given.value}" for ${entry.name} is ${bytes} bytes, outside ${entry.name}_min..${entry.name}_max (${min}..${max})`, `String too ${bytes < min ? 'short' : 'long'}, must be at ${bytes < min ? `least ${min}` : `most ${max}`} bytes long`, 'Change the default or the limits so they agree.');
    }
    subject.push({ type: field.type, value: checkedValue(ctx, given, field, given.value) });
  }
  const used = subject.map((s) => s.type).join(', ');
  ctx.warnings.push(
    `The file does not say prompt = no, so openssl would ask for each subject field; Certbench took the defaults the file gives${used ? ` (${used})` : ''}.` +
      (asked.length ? ` ${asked.join(', ')} ${asked.length === 1 ? 'has' : 'have'} no default: fill ${asked.length === 1 ? 'it' : 'them'} in if you need ${asked.length === 1 ? 'it' : 'them'}.` : ''),
  );
  if (unknown.length) ctx.warnings.push(`openssl ignores ${unknown.join(', ')} in [ ${section} ] (not subject fields it knows), and so does Certbench.`);
  return subject;
}

function challengePassword(ctx: Context, section: ConfEntry | undefined): string | undefined {
  const prompt = ctx.prompt;
  if (!section) return undefined;
  const entries = ctx.conf.sections.get(section.value);
  if (!entries) {
    throw configError(ctx.file, section.line, `attributes names the section [ ${section.value} ], which the file does not have`, `Unable to get '${section.value}' section`, `Add a [ ${section.value} ] section, or remove line ${section.line}.`);
  }
  let password: string | undefined;
  for (const entry of entries) {
    if (prompt && PROMPT_SUFFIXES.some((s) => entry.name.endsWith(s))) continue;
    const type = fieldNameOf(entry.name).type;
    const value = prompt ? (lookup(ctx.conf, section.value, entry.name + '_value') ?? lookup(ctx.conf, section.value, entry.name + '_default'))?.value : entry.value;
    if (type === 'challengePassword') password = value || undefined;
    else if (value) ctx.warnings.push(`The request attribute ${type} (in [ ${section.value} ]) is left out: the form holds only a challenge password.`);
  }
  return password;
}

const HASHES: Record<string, SignatureHash> = { sha256: 'sha256', 'sha2-256': 'sha256', 'sha-256': 'sha256', sha384: 'sha384', 'sha2-384': 'sha384', 'sha-384': 'sha384', sha512: 'sha512', 'sha2-512': 'sha512', 'sha-512': 'sha512', sha1: 'sha1', 'sha-1': 'sha1', default: 'sha256' };

function signatureHash(ctx: Context): SignatureHash {
  const md = lookup(ctx.conf, REQ, 'default_md');
  if (!md) return 'sha256';
  const hash = HASHES[md.value.toLowerCase()];
  if (hash) return hash;
  ctx.warnings.push(`default_md = ${md.value} (line ${md.line}) is not a hash the form offers (SHA-256, SHA-384, SHA-512, SHA-1); the form uses SHA-256.`);
  return 'sha256';
}

function keyChoice(ctx: Context): KeySpecName | null {
  const bits = lookup(ctx.conf, REQ, 'default_bits');
  if (!bits) return null;
  if (bits.value === '2048' || bits.value === '3072' || bits.value === '4096') return `rsa:${bits.value}` as KeySpecName;
  ctx.warnings.push(`default_bits = ${bits.value} (line ${bits.line}): the form makes RSA keys of 2048, 3072 or 4096 bits; choose one.`);
  return null;
}

function settingWarnings(ctx: Context, subject: SubjectAttributeDto[]): void {
  const get = (name: string) => lookup(ctx.conf, REQ, name);
  const encrypt = get('encrypt_key') ?? get('encrypt_rsa_key');
  if (encrypt?.value === 'no') ctx.warnings.push('The file asks for an unencrypted key (encrypt_key = no); Certbench encrypts the key with a passphrase unless you choose otherwise when you save it.');
  const mask = get('string_mask');
  if (mask && mask.value !== 'utf8only') ctx.warnings.push(`string_mask = ${mask.value}: Certbench writes text fields as UTF8String (the country as PrintableString), as openssl's utf8only does; a CA accepts both.`);
  if (get('utf8')?.value !== 'yes' && subject.some((s) => /[^\x00-\x7f]/.test(s.value))) {
    ctx.warnings.push('The subject has non-ASCII characters but the file does not say utf8 = yes: openssl would read them byte by byte (as Latin-1) and garble them. Certbench reads the file as UTF-8.');
  }
  if (get('input_password') || get('output_password')) ctx.warnings.push('Passwords written in the file (input_password, output_password) are not used: Certbench asks how to protect the key when you save it.');
}

/** One spec field from the CSR's extensions, else the self-signed ones; a warning when both say different things. */
function pick<T>(ctx: Context, what: string, req: ReqExtensions | null, x509: ReqExtensions | null, get: (e: ReqExtensions) => T | null): T | null {
  const a = req ? get(req) : null;
  const b = x509 ? get(x509) : null;
  if (req && x509 && JSON.stringify(a) !== JSON.stringify(b)) {
    ctx.warnings.push(`The ${what} for the CSR ([ ${req.section} ]) and for a self-signed certificate ([ ${x509.section} ]) differ; the form uses the CSR's.`);
  }
  return req ? a : b;
}

/** `email:copy` puts the subject's emailAddress values where it stands in the list; `email:move` also takes them out of the subject. */
function withEmails(san: SanDto[], subject: SubjectAttributeDto[], copy: ReqExtensions['copyEmail']): { san: SanDto[]; subject: SubjectAttributeDto[] } {
  if (!copy) return { san, subject };
  const emails = subject.filter((s) => s.type === 'emailAddress').map((s): SanDto => ({ type: 'email', value: s.value }));
  return { san: [...san.slice(0, copy.at), ...emails, ...san.slice(copy.at)], subject: copy.mode === 'move' ? subject.filter((s) => s.type !== 'emailAddress') : subject };
}

const MAX_WARNINGS = 30;

/** Each warning once, and not thousands of them for a file that repeats itself. */
function capped(warnings: string[]): string[] {
  const unique = [...new Set(warnings)];
  if (unique.length <= MAX_WARNINGS) return unique;
  return [...unique.slice(0, MAX_WARNINGS - 1), `... and ${unique.length - MAX_WARNINGS + 1} more like these.`];
}

/** The subject from distinguished_name: values directly with prompt = no, else the defaults openssl -batch takes. */
function readSubject(ctx: Context): SubjectAttributeDto[] {
  const { conf, file } = ctx;
  const dn = lookup(conf, REQ, 'distinguished_name');
  if (!dn) {
    const what = conf.sections.has(REQ) ? 'its [ req ] section names no distinguished_name section, so the subject would be empty' : 'it has no [ req ] section and names no distinguished_name: it is not an openssl req config';
    throw configError(file, null, what, 'No objects specified in config file', 'Add distinguished_name = req_distinguished_name under [ req ], and a [ req_distinguished_name ] section with CN = ... (and prompt = no).');
  }
  const entries = conf.sections.get(dn.value);
  if (!entries) {
    throw configError(file, dn.line, `distinguished_name names the section [ ${dn.value} ], which the file does not have`, `Unable to get '${dn.value}' section`, `Add a [ ${dn.value} ] section with the subject fields, or fix the name on line ${dn.line}.`);
  }
  if (ctx.prompt) return promptedSubject(ctx, dn.value, entries);
  const subject = directSubject(ctx, entries);
  if (subject.length === 0) throw configError(file, dn.line, `the section [ ${dn.value} ] has no subject fields`, 'No objects specified in config file', `Add at least CN = ... to [ ${dn.value} ].`);
  return subject;
}

interface Extensions {
  /** req_extensions: what the CSR asks for. */
  req: ReqExtensions | null;
  /** x509_extensions: what a self-signed certificate gets. */
  x509: ReqExtensions | null;
}

function readBothExtensions(ctx: Context): Extensions {
  const read = (setting: string) => {
    const section = lookup(ctx.conf, REQ, setting);
    return section ? readExtensions(ctx.conf, ctx.file, section) : null;
  };
  const req = read('req_extensions');
  const x509 = read('x509_extensions');
  for (const e of [req, x509]) if (e) ctx.warnings.push(...e.leftOut);
  if (req?.keyIdentifiers.length) ctx.warnings.push(`${req.keyIdentifiers.join(' and ')} in [ ${req.section} ] ${req.keyIdentifiers.length === 1 ? 'is' : 'are'} left out of the CSR: the CA sets key identifiers in the certificate.`);
  if (req?.basicConstraints) ctx.warnings.push(`basicConstraints in [ ${req.section} ] is left out of the CSR: the CA decides it.${req.basicConstraints.ca ? ' For a CA certificate of your own, make a self-signed certificate with "CA" on.' : ''}`);
  return { req, x509 };
}

/** The form: the CSR's extensions when the file has them, else the self-signed ones (one file for both, FIELD-NOTES job 5). */
function formSpec(ctx: Context, dnSubject: SubjectAttributeDto[], { req, x509 }: Extensions, password: string | undefined): CsrSpecDto {
  const main = req ?? x509;
  const { san, subject } = withEmails(pick(ctx, 'alternative names', req, x509, (e) => e.san) ?? [], dnSubject, main?.copyEmail ?? null);
  const spec: CsrSpecDto = {
    subject,
    san,
    cnAsSan: false,
    keyUsage: pick(ctx, 'key usages', req, x509, (e) => e.keyUsage) ?? [],
    extendedKeyUsage: pick(ctx, 'extended key usages', req, x509, (e) => e.extendedKeyUsage) ?? [],
    signatureHash: signatureHash(ctx),
  };
  if (main?.keyUsageCritical) spec.keyUsageCritical = true;
  const order = main?.order ?? [];
  if (order.join() !== DEFAULT_EXTENSION_ORDER.filter((n) => order.includes(n)).join()) spec.extensionOrder = order;
  if (password !== undefined) spec.challengePassword = password;
  return spec;
}

/** Self-signed settings when the file has x509_extensions or default_days (openssl 3.0 itself ignores default_days). */
function selfSignOf(ctx: Context, x509: ReqExtensions | null): Partial<SelfSignDto> | null {
  const days = lookup(ctx.conf, REQ, 'default_days');
  if (!x509 && !days) return null;
  const selfSign: Partial<SelfSignDto> = { ca: x509?.basicConstraints?.ca ?? false };
  if (days && /^[0-9]{1,6}$/.test(days.value) && Number(days.value) > 0) selfSign.days = Number(days.value);
  else if (days) ctx.warnings.push(`default_days = ${days.value} (line ${days.line}) is not a number of days; enter the validity in the form.`);
  const pathLength = x509?.basicConstraints?.pathLength;
  if (selfSign.ca && pathLength !== null && pathLength !== undefined) selfSign.pathLength = pathLength;
  return selfSign;
}

export function importReqConfig(text: string, name: string): ReqConfigImport {
  const conf = parseConf(text, name);
  const ctx: Context = { conf, file: name, warnings: [...conf.notes], prompt: lookup(conf, REQ, 'prompt')?.value !== 'no' };
  const subject = readSubject(ctx);
  const password = challengePassword(ctx, lookup(conf, REQ, 'attributes'));
  const extensions = readBothExtensions(ctx);
  const spec = formSpec(ctx, subject, extensions, password);
  settingWarnings(ctx, spec.subject);
  const selfSign = selfSignOf(ctx, extensions.x509);
  const key = keyChoice(ctx);
  return { spec, key, warnings: capped(ctx.warnings), selfSign };
}
