/** `certbench csr`: a new key (or --key-file) and a CSR for it, linted first (CLI.md "csr / selfsign"). */
import { requestCommand } from './csr-command';
import type { Io } from './output';

export const CSR_USAGE =
  'certbench csr [--subject "/C=US/O=Example/CN=host.example"] [--cn CN --o O --ou OU --l L --st ST --c CC --email E] [--san DNS:a --san IP:1.2.3.4 ...] [--key-usage digitalSignature,...] [--ext-key-usage serverAuth,...] [--config FILE] [--template NAME] [--key rsa:2048|rsa:3072|rsa:4096|ec:P-256|ec:P-384|ec:P-521|ed25519 | --key-file KEY [--password P | --password-file F | --password-env VAR]] --out CSR [--key-out KEY] (--key-password P | --key-password-file F | --key-password-env VAR | --no-key-encryption) [--traditional-key] [--challenge-password P] [--hash sha256|sha384|sha512] [--no-cn-san] [--show-commands] [--force] [--json]';

export const csrCommand = (argv: string[], io: Io) => requestCommand('csr', argv, io, CSR_USAGE);
