/**
 * The `certbench` command line: one file per command, same engine and errors as the app. Each command's module
 * is loaded when that command runs (esbuild keeps a required module's top level until it is required), so a
 * conversion neither evaluates nor caches the chain doctor, the expiry report or the ACME client: half the
 * bundle, and a code cache half the size to read at every start.
 */
import { toErrorInfo } from '../pki/errors';
import { EXIT, processIo, reportError, type Io } from './output';

type Command = (argv: string[], io: Io) => Promise<number>;

interface CommandModule {
  run: Command;
  usage: string;
}

const COMMANDS: Record<string, () => CommandModule> = {
  inspect: () => ({ run: (require('./inspect') as typeof import('./inspect')).inspectCommand, usage: 'certbench inspect FILE... [--password P | --password-file F | --password-env VAR] [--json]' }),
  convert: () => {
    const m = require('./convert') as typeof import('./convert');
    return { run: m.convertCommand, usage: m.CONVERT_USAGE };
  },
  csr: () => {
    const m = require('./csr') as typeof import('./csr');
    return { run: m.csrCommand, usage: m.CSR_USAGE };
  },
  selfsign: () => {
    const m = require('./selfsign') as typeof import('./selfsign');
    return { run: m.selfsignCommand, usage: m.SELFSIGN_USAGE };
  },
  chain: () => {
    const m = require('./chain') as typeof import('./chain');
    return { run: m.chainCommand, usage: m.CHAIN_USAGE };
  },
  expiry: () => {
    const m = require('./expiry') as typeof import('./expiry');
    return { run: m.expiryCommand, usage: m.EXPIRY_USAGE };
  },
  acme: () => {
    const m = require('./acme') as typeof import('./acme');
    return { run: m.acmeCommand, usage: m.ACME_USAGE };
  },
};

const help = () => `Certbench: open anything, see what is inside, convert it, make keys and CSRs, diagnose chains, watch expiry, issue certificates over ACME.

Commands:
${Object.values(COMMANDS).map((load) => '  ' + load().usage).join('\n')}

Exit codes: 0 success, 1 problems found, 2 bad input or usage.`;

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? EXIT.ok : EXIT.badInput;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  const json = rest.includes('--json');
  if (!load) {
    reportError(io, { code: 'INVALID_ARGUMENT', message: `Unknown command "${name}".`, hint: `Commands: ${Object.keys(COMMANDS).join(', ')}. Run certbench help.` }, json);
    return EXIT.badInput;
  }
  try {
    return await load().run(rest, io);
  } catch (e) {
    reportError(io, toErrorInfo(e), json);
    return EXIT.badInput;
  }
}
