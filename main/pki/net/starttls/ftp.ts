/** FTP AUTH TLS (RFC 4217 4): 220 greeting (after any 1xx), AUTH TLS, 234. */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';
import { readNumberedReply, type NumberedReply } from './numbered-reply';

/** A final reply: 1xx replies ("service ready in 5 minutes") come before it. */
async function finalReply(channel: PreambleChannel): Promise<NumberedReply> {
  for (;;) {
    const reply = await readNumberedReply(channel);
    if (reply.code < 100 || reply.code >= 200) return reply;
  }
}

export async function ftpStarttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the FTP greeting';
  const greeting = await finalReply(channel);
  if (greeting.code !== 220) {
    throw new PkiError('NETWORK', `${where} did not greet as an FTP server; it said ${quote(greeting.raw)}.`, 'Check the port (FTP is 21; 990 is TLS from the start, without AUTH TLS).');
  }
  channel.phase = 'waiting for the answer to AUTH TLS';
  channel.write('AUTH TLS\r\n');
  const answer = await finalReply(channel);
  if (answer.code !== 234) {
    throw new PkiError('NETWORK', `The FTP server at ${where} does not offer AUTH TLS; it answered ${quote(answer.raw)}.`, 'TLS (FTPS) may not be enabled on this server.');
  }
}
