/** IMAP STARTTLS (RFC 3501 6.2.1): "* OK" greeting, "a1 STARTTLS", "a1 OK". */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';

export async function imapStarttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the IMAP greeting';
  const greeting = await channel.readLine();
  if (!/^\* OK\b/i.test(greeting)) {
    throw new PkiError('NETWORK', `${where} did not greet as an IMAP server ready for STARTTLS; it said ${quote(greeting)}.`, 'Check the port (IMAP is 143; 993 is TLS from the start, without STARTTLS).');
  }
  channel.phase = 'waiting for the answer to STARTTLS';
  channel.write('a1 STARTTLS\r\n');
  const untagged: string[] = [];
  for (;;) {
    const line = await channel.readLine();
    if (/^a1 /i.test(line)) {
      if (/^a1 OK\b/i.test(line)) return;
      const said = [...untagged, line].join('\n');
      throw new PkiError('NETWORK', `The IMAP server at ${where} does not offer STARTTLS; it answered ${quote(said)}.`, 'TLS may not be enabled on this server, or it may be on port 993 (TLS from the start).');
    }
    untagged.push(line);
  }
}
