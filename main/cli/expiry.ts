/**
 * `certbench expiry (FILE | DIR | host:port)... [--within DAYS] [--password P] [--json | --csv | --openmetrics]`
 * (CLI.md "expiry"): exit 0 when nothing expires within DAYS (default 30), 1 when something does or has expired.
 * STUB (owner: expiry-reports).
 */
import { PkiError } from '../pki/errors';
import type { Io } from './output';

export const EXPIRY_USAGE =
  'certbench expiry (FILE | DIR | host:port)... [--within DAYS] [--password P | --password-file F | --password-env VAR] [--servername SNI] [--starttls PROTO] [--json | --csv | --openmetrics] [--ics FILE]';

export async function expiryCommand(argv: string[], io: Io): Promise<number> {
  void argv;
  void io;
  throw new PkiError('INTERNAL', 'certbench expiry is not built yet.', 'Try again with a newer Certbench.');
}
