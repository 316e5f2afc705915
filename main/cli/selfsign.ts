/** `certbench selfsign`: the csr flags plus --days and --ca; --out names the certificate (CLI.md "csr / selfsign"). */
import { requestCommand } from './csr-command';
import type { Io } from './output';

export const SELFSIGN_USAGE =
  'certbench selfsign [the csr flags: --subject / --cn ... --san ... --key-usage --ext-key-usage --config --template --key | --key-file --hash --no-cn-san] --out CERT [--key-out KEY] (--key-password P | --key-password-file F | --key-password-env VAR | --no-key-encryption) [--traditional-key] [--days N (365)] [--ca [--path-length N]] [--show-commands] [--force] [--json]';

export const selfsignCommand = (argv: string[], io: Io) => requestCommand('selfsign', argv, io, SELFSIGN_USAGE);
