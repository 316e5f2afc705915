/** A small argv parser: flags with values, repeatable flags, booleans, positionals. */
import { readFileSync } from 'node:fs';
import { PkiError } from '../pki/errors';

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], valueFlags: string[], booleanFlags: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (booleanFlags.includes(name)) {
      out.flags.add(name);
    } else if (valueFlags.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new PkiError('INVALID_ARGUMENT', `--${name} needs a value.`, `Write it as --${name} VALUE.`);
      out.values.set(name, [...(out.values.get(name) ?? []), v]);
    } else {
      throw new PkiError('INVALID_ARGUMENT', `Unknown option --${name}.`, 'Run `certbench help` for the options of each command.');
    }
  }
  return out;
}

/** --password P, --password-file F, or --password-env VAR (CLI.md); `prefix` selects e.g. out-password. */
export function passwordFrom(args: ParsedArgs, prefix = 'password'): string | undefined {
  const direct = args.values.get(prefix)?.at(-1);
  if (direct !== undefined) return direct;
  const file = args.values.get(`${prefix}-file`)?.at(-1);
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new PkiError('NOT_FOUND', `Cannot read the password file ${file}.`, 'Check the path given to --' + prefix + '-file.');
    }
  }
  const env = args.values.get(`${prefix}-env`)?.at(-1);
  if (env !== undefined) {
    const v = process.env[env];
    if (v === undefined) throw new PkiError('INVALID_ARGUMENT', `The environment variable ${env} is not set.`, `Set ${env} or pass --${prefix}.`);
    return v;
  }
  return undefined;
}

export const PASSWORD_FLAGS = ['password', 'password-file', 'password-env'];
