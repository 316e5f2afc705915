/**
 * LDAP StartTLS (RFC 4511 4.14): an ExtendedRequest for 1.3.6.1.4.1.1466.20037, then an ExtendedResponse
 * whose resultCode must be 0. Servers use BER, not DER (Active Directory writes four-byte lengths), so the
 * answer is read with a small BER reader of its own rather than the DER reader.
 */
import { PkiError } from '../../errors';
import { quote } from '../net-errors';
import type { PreambleChannel } from './channel';

const START_TLS_OID = '1.3.6.1.4.1.1466.20037';

/** LDAPMessage { messageID 1, [APPLICATION 23] ExtendedRequest { [0] requestName } }. */
function startTlsRequest(): Uint8Array {
  const oid = Buffer.from(START_TLS_OID, 'latin1');
  const name = Buffer.concat([Buffer.of(0x80, oid.length), oid]);
  const op = Buffer.concat([Buffer.of(0x77, name.length), name]);
  const body = Buffer.concat([Buffer.of(0x02, 0x01, 0x01), op]);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}

/** Largest LDAP response accepted before TLS (a StartTLS answer is a few dozen bytes). */
const MAX_RESPONSE = 64 * 1024;

interface Ber {
  tag: number;
  value: Uint8Array;
}

/** Reads one BER element from the channel (definite lengths only, as RFC 4511 5.1 requires). */
async function readElement(channel: PreambleChannel, where: string): Promise<Uint8Array> {
  const head = await channel.readBytes(2);
  if (head[0] !== 0x30) {
    const text = Buffer.concat([Buffer.from(head), Buffer.from(channel.release())]).toString('latin1');
    throw notLdap(where, `it answered ${quote(text)}`);
  }
  let length = head[1];
  let lengthBytes: Uint8Array = new Uint8Array(0);
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4) throw notLdap(where, 'its answer has a length LDAP does not allow');
    lengthBytes = await channel.readBytes(n);
    length = lengthBytes.reduce((a, b) => a * 256 + b, 0);
  }
  if (length > MAX_RESPONSE) throw notLdap(where, `its answer claims ${length} bytes`);
  const value = await channel.readBytes(length);
  return Uint8Array.of(...head, ...lengthBytes, ...value);
}

/** The elements inside a constructed BER value. */
function elements(bytes: Uint8Array): Ber[] {
  const out: Ber[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length) throw new Error('cut short');
    const tag = bytes[at];
    let length = bytes[at + 1];
    let start = at + 2;
    if (length & 0x80) {
      const n = length & 0x7f;
      if (n === 0 || n > 4 || start + n > bytes.length) throw new Error('bad length');
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + bytes[start + i];
      start += n;
    }
    if (start + length > bytes.length) throw new Error('cut short');
    out.push({ tag, value: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return out;
}

const notLdap = (where: string, why: string) =>
  new PkiError('NETWORK', `${where} did not answer StartTLS as an LDAP server: ${why}.`, 'Check the port (LDAP is 389; 636 is LDAPS, TLS from the start).');

const RESULT_NAMES: Record<number, string> = { 1: 'operationsError', 2: 'protocolError', 51: 'busy', 52: 'unavailable', 53: 'unwillingToPerform', 80: 'other' };

export async function ldapStarttls(channel: PreambleChannel): Promise<void> {
  const where = `${channel.host}:${channel.port}`;
  channel.phase = 'waiting for the answer to the LDAP StartTLS request';
  channel.write(startTlsRequest());
  const message = await readElement(channel, where);
  let resultCode: number;
  let diagnostic: string;
  try {
    const [outer] = elements(message);
    const [id, op] = elements(outer.value);
    if (id?.tag !== 0x02 || op?.tag !== 0x78) throw new Error('not an ExtendedResponse');
    const [code, , diag] = elements(op.value);
    if (code?.tag !== 0x0a || code.value.length !== 1) throw new Error('no resultCode');
    resultCode = code.value[0];
    diagnostic = diag ? Buffer.from(diag.value).toString('utf8') : '';
  } catch (e) {
    throw notLdap(where, `its answer is not an LDAP ExtendedResponse (${(e as Error).message})`);
  }
  if (resultCode !== 0) {
    const name = RESULT_NAMES[resultCode] ?? `result ${resultCode}`;
    throw new PkiError(
      'NETWORK',
      `The LDAP server at ${where} refused StartTLS (${name}${diagnostic ? `: ${quote(diagnostic)}` : ''}).`,
      'TLS may not be configured on this directory server (a certificate for LDAP is missing), or it serves LDAPS on 636.',
    );
  }
}
