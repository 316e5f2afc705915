/**
 * `certbench convert INPUT... --to FORMAT --out PATH [--password P] [--out-password Q] [--alias A]
 * [--profile modern|legacy|java] [--key-out PATH] [--no-key-encryption] [--force]` (CLI.md). The same plan
 * and writers as the Convert page; files are written all or nothing, keys 0600, nothing overwritten without
 * --force.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { ConvertOptionsDto, ConvertTarget, PfxProfile } from '../api/dto';
import { PkiError } from '../pki/errors';
import { produceFiles } from '../workbench/convert-output';
import { planConversion } from '../workbench/convert-plan';
import { writeFilesAtomically } from '../workbench/write-files';
import { parseArgs, passwordFrom, PASSWORD_FLAGS } from './args';
import { readConvertInputs } from './convert-inputs';
import { EXIT, type Io } from './output';

export const CONVERT_USAGE =
  'certbench convert INPUT... --to pem|fullchain|certbot|der|p7b|p7b-der|pfx|p12|jks|jceks|pkcs8|pkcs8-der|pkcs1 --out PATH [--password P] [--out-password Q] [--key-password K] [--alias A] [--profile modern|legacy|java] [--key-out PATH] [--no-key-encryption] [--no-chain] [--include-root] [--no-root] [--no-key] [--ca-entries] [--force] [--json]';

const TARGETS: Record<string, ConvertTarget> = {
  pem: 'pem', fullchain: 'fullchain', certbot: 'certbot', der: 'der', p7b: 'p7b', 'p7b-der': 'p7b-der', pfx: 'pfx', p12: 'pfx',
  pkcs12: 'pfx', jks: 'jks', jceks: 'jceks', pkcs8: 'pkcs8', 'pkcs8-der': 'pkcs8-der', pkcs1: 'pkcs1',
};
const PROFILES = new Set<PfxProfile>(['modern', 'legacy', 'java']);
/** A 10,000-certificate bundle full of copies must not bury the files written under 10,000 lines. */
const LEFT_OUT_SHOWN = 20;

export async function convertCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    [...PASSWORD_FLAGS, 'out-password', 'out-password-file', 'out-password-env', 'key-password', 'key-password-file', 'key-password-env', 'to', 'out', 'alias', 'profile', 'key-out'],
    ['json', 'force', 'no-key-encryption', 'no-chain', 'include-root', 'no-root', 'no-key', 'ca-entries'],
  );
  const usage = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${CONVERT_USAGE}`);
  if (args.positionals.length === 0) throw usage('convert needs at least one input file.');
  const toName = args.values.get('to')?.at(-1);
  if (!toName) throw usage('Say which format to write with --to.');
  const target = TARGETS[toName.toLowerCase()];
  if (!target) throw usage(`"${toName}" is not a format Certbench writes.`);
  const out = args.values.get('out')?.at(-1);
  if (!out) throw usage(`Say where to write with --out${target === 'certbot' ? ' (a folder)' : ''}.`);
  const profile = (args.values.get('profile')?.at(-1) ?? 'modern') as PfxProfile;
  if (!PROFILES.has(profile)) throw usage(`--profile is modern, legacy or java, not "${profile}".`);
  const keyOut = args.values.get('key-out')?.at(-1);

  const options: ConvertOptionsDto = {
    profile,
    alias: args.values.get('alias')?.at(-1),
    includeChain: !args.flags.has('no-chain'),
    includeRoot: args.flags.has('include-root') ? true : args.flags.has('no-root') ? false : undefined,
    includeKey: !args.flags.has('no-key'),
    noKeyEncryption: args.flags.has('no-key-encryption'),
    separateKey: keyOut !== undefined,
    caEntries: args.flags.has('ca-entries'),
  };

  const objects = await readConvertInputs(args.positionals, passwordFrom(args));
  const plan = planConversion(objects, target, options, basename(args.positionals[0]));
  const produced = await produceFiles(plan, {
    password: passwordFrom(args, 'out-password'),
    keyPassword: passwordFrom(args, 'key-password'),
    profile,
  });
  const outputs = produced.map((f) => ({ ...f, path: outputPath(target, f.role, f.name, out, keyOut) }));
  await writeFilesAtomically(outputs, { overwrite: args.flags.has('force') });

  if (args.flags.has('json')) {
    io.out(JSON.stringify({ written: outputs.map((f) => ({ path: f.path, format: f.format, objects: f.objects, secret: f.secret, encrypted: f.encrypted })), leftOut: plan.preview.leftOut.map(({ label, reason }) => ({ label, reason })), warnings: plan.preview.warnings }, null, 2));
  } else {
    for (const w of plan.preview.warnings) io.err(`warning: ${w.message}`);
    const shown = plan.preview.leftOut.slice(0, LEFT_OUT_SHOWN);
    for (const l of shown) io.err(`left out: ${l.label}: ${l.reason}`);
    const more = plan.preview.leftOut.length - shown.length;
    if (more > 0) io.err(`left out: ${more.toLocaleString('en')} more (--json lists them all)`);
    for (const f of outputs) io.out(`wrote ${f.path} (${f.describe}${f.secret ? ', mode 0600' : ''})`);
  }
  return EXIT.ok;
}

/** --out is the file (or the folder for certbot); --key-out takes the separate key file. */
function outputPath(target: ConvertTarget, role: string, name: string, out: string, keyOut: string | undefined): string {
  if (target === 'certbot') return join(resolve(out), name);
  if (role === 'privkey') {
    if (!keyOut) throw new PkiError('INVALID_ARGUMENT', 'The key needs its own file.', 'Give --key-out PATH.');
    return resolve(keyOut);
  }
  return resolve(dirname(out), basename(out));
}
