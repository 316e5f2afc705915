/** PostgreSQL SSLRequest (protocol 3, "SSL Session Encryption"): 8 bytes, then one byte 'S' (go on) or 'N'. */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';

/** Length 8, then the SSLRequest code 80877103 (1234 << 16 | 5679). */
const SSL_REQUEST = Uint8Array.of(0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f);

export async function postgresStarttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the answer to the PostgreSQL SSLRequest';
  channel.write(SSL_REQUEST);
  const [answer] = await channel.readBytes(1);
  if (answer === 0x53) return; // 'S'
  if (answer === 0x4e) {
    throw new PkiError('NETWORK', `The PostgreSQL server at ${where} does not accept TLS (it answered N to the SSLRequest).`, 'Turn on ssl in postgresql.conf and give it a certificate and key.');
  }
  // 'E': a server too old for SSLRequest answers with an error message; anything else is not PostgreSQL.
  const rest = channel.release();
  const text = Buffer.from(Uint8Array.of(answer, ...rest)).toString('latin1');
  throw new PkiError('NETWORK', `${where} did not answer the PostgreSQL SSLRequest; it said ${quote(text)}.`, 'Check the port (PostgreSQL is 5432).');
}
