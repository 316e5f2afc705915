/** POP3 STLS (RFC 2595 4): "+OK" greeting, STLS, "+OK". */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';

export async function pop3Starttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the POP3 greeting';
  const greeting = await channel.readLine();
  if (!greeting.startsWith('+OK')) {
    throw new PkiError('NETWORK', `${where} did not greet as a POP3 server; it said ${quote(greeting)}.`, 'Check the port (POP3 is 110; 995 is TLS from the start, without STLS).');
  }
  channel.phase = 'waiting for the answer to STLS';
  channel.write('STLS\r\n');
  const answer = await channel.readLine();
  if (!answer.startsWith('+OK')) {
    throw new PkiError('NETWORK', `The POP3 server at ${where} does not offer STLS; it answered ${quote(answer)}.`, 'TLS may not be enabled on this server, or it may be on port 995 (TLS from the start).');
  }
}
