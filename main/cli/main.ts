/** The `certbench` command line: one file per command, same engine and errors as the app. */
import { toErrorInfo } from '../pki/errors';
import { ACME_USAGE, acmeCommand } from './acme';
import { CHAIN_USAGE, chainCommand } from './chain';
import { CONVERT_USAGE, convertCommand } from './convert';
import { EXPIRY_USAGE, expiryCommand } from './expiry';
import { CSR_USAGE, csrCommand } from './csr';
import { inspectCommand } from './inspect';
import { EXIT, processIo, reportError, type Io } from './output';
import { SELFSIGN_USAGE, selfsignCommand } from './selfsign';

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  inspect: { run: inspectCommand, usage: 'certbench inspect FILE... [--password P | --password-file F | --password-env VAR] [--json]' },
  convert: { run: convertCommand, usage: CONVERT_USAGE },
  csr: { run: csrCommand, usage: CSR_USAGE },
  selfsign: { run: selfsignCommand, usage: SELFSIGN_USAGE },
  chain: { run: chainCommand, usage: CHAIN_USAGE },
  expiry: { run: expiryCommand, usage: EXPIRY_USAGE },
  acme: { run: acmeCommand, usage: ACME_USAGE },
};

const HELP = `Certbench: open anything, see what is inside, convert it, make keys and CSRs, diagnose chains, watch expiry, issue certificates over ACME.

Commands:
${Object.values(COMMANDS).map((c) => '  ' + c.usage).join('\n')}

Exit codes: 0 success, 1 problems found, 2 bad input or usage.`;

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const command = COMMANDS[name];
  const json = rest.includes('--json');
  if (!command) {
    reportError(io, { code: 'INVALID_ARGUMENT', message: `Unknown command "${name}".`, hint: `Commands: ${Object.keys(COMMANDS).join(', ')}. Run certbench help.` }, json);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    reportError(io, toErrorInfo(e), json);
    return EXIT.badInput;
  }
}
