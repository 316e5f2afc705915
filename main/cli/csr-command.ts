/**
 * What `certbench csr` and `certbench selfsign` share: the form from the flags, the key (new, or --key-file),
 * the lints (errors: exit 2 and nothing written; warnings on stderr or in JSON), the files written all or
 * nothing (keys 0600, encrypted unless --no-key-encryption), EXISTS without --force.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyChoiceDto, KeyProtectionDto, SelfSignDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { createWorkbench } from '../workbench';
import { checkCsr } from '../workbench/csr-check';
import { makeRequest } from '../workbench/csr-create';
import { requestFiles, type RequestFileRole } from '../workbench/csr-files';
import type { Workbench } from '../workbench';
import { writeFilesAtomically } from '../workbench/write-files';
import { parseArgs, passwordFrom, PASSWORD_FLAGS, type ParsedArgs } from './args';
import { FORM_BOOLEAN_FLAGS, FORM_VALUE_FLAGS, formFromArgs, keyPathFor } from './csr-form';
import { EXIT, type Io } from './output';

export type RequestKind = 'csr' | 'selfsign';

const KEY_PASSWORD_FLAGS = ['key-password', 'key-password-file', 'key-password-env'];
const SELFSIGN_VALUE_FLAGS = ['days', 'path-length'];
const DEFAULT_DAYS = 365;

export async function requestCommand(kind: RequestKind, argv: string[], io: Io, usage: string): Promise<number> {
  const args = parseArgs(
    argv,
    [...FORM_VALUE_FLAGS, ...PASSWORD_FLAGS, ...KEY_PASSWORD_FLAGS, 'out', 'key-out', ...(kind === 'selfsign' ? SELFSIGN_VALUE_FLAGS : [])],
    [...FORM_BOOLEAN_FLAGS, 'json', 'force', 'no-key-encryption', 'traditional-key', 'show-commands', ...(kind === 'selfsign' ? ['ca'] : [])],
  );
  const bad = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${usage}`);
  if (args.positionals.length) throw bad(`${kind} takes no file arguments ("${args.positionals[0]}"): name the output with --out.`);
  const out = args.values.get('out')?.at(-1);
  if (!out) throw bad(`Say where to write the ${kind === 'csr' ? 'CSR' : 'certificate'} with --out.`);

  const form = await formFromArgs(args, usage);
  const protection = form.keyFile === null ? keyProtection(args) : null;
  const selfSign = kind === 'selfsign' ? selfSignFrom(args, form.selfSign) : undefined;

  const paths: Partial<Record<RequestFileRole, string>> = { [kind === 'csr' ? 'csr' : 'certificate']: resolve(out) };
  if (protection) paths.key = resolve(args.values.get('key-out')?.at(-1) ?? keyPathFor(out));
  if (!args.flags.has('force')) refuseExisting(Object.values(paths));

  const workbench = createWorkbench({ shell: 'web' });
  const key: KeyChoiceDto = form.keyFile === null ? { generate: form.keySpec! } : { objectId: await openKey(workbench, form.keyFile, args) };
  const check = checkCsr(workbench.session, { spec: form.spec, key, selfSign });
  const made = await makeRequest({ session: workbench.session, events: workbench.events }, { spec: form.spec, key, selfSign });
  const files = await requestFiles({ csrDer: kind === 'csr' ? made.csrDer : null, pkcs8: protection ? made.pkcs8 : null, certificateDer: made.certificateDer }, protection);
  const outputs = files.map((f) => ({ ...f, path: paths[f.role]! }));
  await writeFilesAtomically(outputs, { overwrite: args.flags.has('force') });

  const problems = check.problems.filter((p) => p.severity !== 'error');
  const warnings = form.warnings.map((message) => ({ code: 'CONFIG_NOTE', severity: 'warning' as const, message }));
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ written: outputs.map((f) => ({ path: f.path, format: f.format, objects: f.objects, secret: f.secret, encrypted: f.encrypted })), problems: [...warnings, ...problems], commands: check.commands }, null, 2));
    return EXIT.ok;
  }
  for (const p of [...warnings, ...problems]) io.err(`${p.severity}: ${p.message}${'rule' in p && p.rule ? ` (${p.rule})` : ''}`);
  for (const f of outputs) io.out(`wrote ${f.path} (${describe(f.role, f.encrypted, f.format)})`);
  if (args.flags.has('show-commands')) {
    io.out('\nThe same with the usual tools:');
    for (const c of check.commands) io.out(`# ${c.label}\n${c.command}`);
  }
  return EXIT.ok;
}

function describe(role: RequestFileRole, encrypted: boolean, format: string): string {
  if (role === 'csr') return 'the certificate request, PEM';
  if (role === 'certificate') return 'the self-signed certificate, PEM';
  const form = format === 'pkcs1' ? 'traditional PEM' : 'PKCS#8 PEM';
  return `the private key, ${form}, ${encrypted ? 'encrypted with your passphrase' : 'NOT encrypted'}, mode 0600`;
}

/** An encrypted key unless --no-key-encryption; the passphrase from --key-password, -file or -env. */
function keyProtection(args: ParsedArgs): KeyProtectionDto {
  const password = passwordFrom(args, 'key-password');
  const plain = args.flags.has('no-key-encryption');
  const form = args.flags.has('traditional-key') ? 'traditional' : 'pkcs8';
  if (password !== undefined && plain) throw new PkiError('INVALID_ARGUMENT', 'Give either --key-password or --no-key-encryption, not both.', 'The key is written encrypted with --key-password, or unencrypted with --no-key-encryption.');
  if (plain) return { form, password: null };
  if (password === undefined) throw new PkiError('INVALID_ARGUMENT', 'A key is written encrypted: give --key-password or --no-key-encryption.', 'Use --key-password P (or --key-password-file F, --key-password-env VAR), or --no-key-encryption if the server needs a key without a passphrase.');
  if (password === '') throw new PkiError('INVALID_ARGUMENT', 'The key passphrase is empty.', 'Choose a passphrase, or --no-key-encryption.');
  return { form, password };
}

function selfSignFrom(args: ParsedArgs, fromConfig: Partial<SelfSignDto> | null): SelfSignDto {
  const days = wholeNumber(args, 'days', 1, 100_000) ?? fromConfig?.days ?? DEFAULT_DAYS;
  const ca = args.flags.has('ca') || (fromConfig?.ca ?? false);
  const pathLength = wholeNumber(args, 'path-length', 0, 100) ?? fromConfig?.pathLength;
  if (pathLength !== undefined && !ca) throw new PkiError('INVALID_ARGUMENT', '--path-length is for a CA certificate.', 'Add --ca, or leave --path-length out.');
  return pathLength === undefined ? { days, ca } : { days, ca, pathLength };
}

function wholeNumber(args: ParsedArgs, flag: string, min: number, max: number): number | undefined {
  const text = args.values.get(flag)?.at(-1);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new PkiError('INVALID_ARGUMENT', `--${flag} "${text}" is not a whole number from ${min} to ${max.toLocaleString('en')}.`, `Write it as --${flag} ${flag === 'days' ? DEFAULT_DAYS : min}.`);
  return n;
}

function refuseExisting(paths: string[]): void {
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length) throw new PkiError('EXISTS', `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`, 'Choose another --out (or --key-out), or add --force to replace.');
}

/** The private key in --key-file (encrypted ones with --password, --password-file or --password-env). */
async function openKey(workbench: Workbench, path: string, args: ParsedArgs): Promise<string> {
  workbench.grants.grant([path]);
  const state = await workbench.handlers['documents.openPaths']({ paths: [path], password: passwordFrom(args) });
  const doc = state.documents[0];
  if (doc.status !== 'ready' || doc.lock) {
    const e = doc.error ?? (doc.lock ? { code: doc.lock.reason, message: doc.lock.message, hint: doc.lock.hint } : null);
    const hint = e?.code === 'PASSWORD_REQUIRED' || e?.code === 'WRONG_PASSWORD' ? 'Give the key file\'s passphrase with --password P (or --password-file F, --password-env VAR).' : (e?.hint ?? 'Check the file.');
    throw new PkiError(e?.code ?? 'CORRUPT', `${doc.name}: ${e?.message ?? 'it could not be read.'}`, hint);
  }
  const key = doc.objects.find((o) => o.kind === 'privateKey');
  if (!key) throw new PkiError('INVALID_ARGUMENT', `${doc.name} holds no private key.`, 'Give the key file with --key-file, or make a new key with --key.');
  return key.id;
}
