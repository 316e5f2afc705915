/**
 * `certbench chain (FILE... | host:port)` (CLI.md "chain"): the chain doctor on files or a live server.
 * Exit 0 when the chain is valid, 1 when it is not, 2 for bad input.
 * STUB (owner: chain-doctor).
 */
import { PkiError } from '../pki/errors';
import type { Io } from './output';

export const CHAIN_USAGE =
  'certbench chain (FILE... | host:port) [--trust FILE...] [--no-system-roots] [--untrusted FILE...] [--host NAME] [--at ISO-TIME] [--purpose serverAuth|clientAuth] [--fetch-missing] [--revocation ocsp|crl|both] [--servername SNI] [--starttls smtp|imap|pop3|ftp|ldap|postgres] [--out FIXED.pem] [--json]';

export async function chainCommand(argv: string[], io: Io): Promise<number> {
  void argv;
  void io;
  throw new PkiError('INTERNAL', 'certbench chain is not built yet.', 'Try again with a newer Certbench.');
}
