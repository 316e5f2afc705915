/** The STARTTLS preamble of each protocol, by the name the CLI and UI use. */
import type { StarttlsProtocol } from '../../../api/dto';
import type { PreambleChannel } from './channel';
import { ftpStarttls } from './ftp';
import { imapStarttls } from './imap';
import { ldapStarttls } from './ldap';
import { pop3Starttls } from './pop3';
import { postgresStarttls } from './postgres';
import { smtpStarttls } from './smtp';

export const STARTTLS: Record<StarttlsProtocol, (channel: PreambleChannel) => Promise<void>> = {
  smtp: smtpStarttls,
  imap: imapStarttls,
  pop3: pop3Starttls,
  ftp: ftpStarttls,
  ldap: ldapStarttls,
  postgres: postgresStarttls,
};
