/** SMTP STARTTLS (RFC 3207): 220 greeting, EHLO, STARTTLS must be advertised, STARTTLS, 220. */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';
import { readNumberedReply } from './numbered-reply';

export async function smtpStarttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the SMTP greeting';
  const greeting = await readNumberedReply(channel);
  if (greeting.code !== 220) {
    throw new PkiError('NETWORK', `${where} did not greet as an SMTP server; it said ${quote(greeting.raw)}.`, 'Check the port (SMTP is 25 or 587; 465 is TLS from the start, without STARTTLS).');
  }
  channel.phase = 'waiting for the answer to EHLO';
  channel.write('EHLO certbench.invalid\r\n');
  const ehlo = await readNumberedReply(channel);
  if (ehlo.code !== 250) {
    throw new PkiError('NETWORK', `The SMTP server at ${where} refused EHLO: ${quote(ehlo.raw)}.`, 'The server may only speak old SMTP (HELO), which has no STARTTLS.');
  }
  if (!ehlo.lines.some((l) => /^STARTTLS\b/i.test(l.trim()))) {
    throw new PkiError('NETWORK', `The SMTP server at ${where} does not offer STARTTLS; its EHLO reply was ${quote(ehlo.raw)}.`, 'TLS may not be enabled on this server, or it may be on another port (465 for TLS from the start).');
  }
  channel.phase = 'waiting for the answer to STARTTLS';
  channel.write('STARTTLS\r\n');
  const ready = await readNumberedReply(channel);
  if (ready.code !== 220) {
    throw new PkiError('NETWORK', `The SMTP server at ${where} refused STARTTLS: ${quote(ready.raw)}.`, 'Look at the mail server\'s TLS settings and logs.');
  }
}
