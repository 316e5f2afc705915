/**
 * Turns one handshake's outcome into the TLS fetch's answer: the served certificates from the server's own
 * Certificate message (or, when that could not be read, the TLS library's rebuilt chain with a note saying
 * so), protocol and cipher, the client-certificate request, and for a failed handshake the NETWORK error in
 * plain words. A handshake the server ended only because no client certificate came is still an answer.
 */
import { readRoot } from '../der/der';
import { PkiError } from '../errors';
import { readName } from '../x509/name';
import { alertFromErrorCode, closedEarly, errorCode, handshakeAlertError, quote, socketError } from './net-errors';
import type { TlsFetchResult } from './port';
import { CLIENT_CERTIFICATE_ALERTS } from './tls-alerts';
import type { HandshakeOutcome } from './tls-handshake-run';
import { readServerFlight, type ServerFlight } from './tls-server-flight';
import { TLS13_SUITES } from './tls13-decrypt';

const VERSION_NAMES: Record<number, string> = { 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

/** Named groups (RFC 8446 4.2.7, IANA) as the report shows them. */
const GROUP_NAMES: Record<number, string> = { 0x0017: 'ECDH P-256', 0x0018: 'ECDH P-384', 0x0019: 'ECDH P-521', 0x001d: 'X25519', 0x001e: 'X448', 0x11ec: 'X25519MLKEM768' };

/** Where the connection went, known before the handshake. */
export type ConnectionFacts = Pick<TlsFetchResult, 'host' | 'port' | 'address' | 'servername' | 'starttls'>;

/** The server's answer was not TLS: say what it looked like. */
function notTlsError(host: string, port: number, inbound: Uint8Array): PkiError {
  const head = inbound.subarray(0, 200);
  const printable = head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f));
  const where = `${host}:${port}`;
  if (!printable) {
    const bytes = Array.from(inbound.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return new PkiError('NETWORK', `${where} did not answer with TLS (its first bytes were ${bytes}).`, 'Check the port: this one serves another protocol.');
  }
  const text = Buffer.from(head).toString('latin1');
  const firstLine = text.split(/\r?\n/)[0];
  const guess = /^220[ -]/.test(text)
    ? ' It looks like an SMTP or FTP greeting: choose STARTTLS smtp or ftp.'
    : /^\* OK/i.test(text)
      ? ' It looks like an IMAP greeting: choose STARTTLS imap.'
      : /^\+OK/.test(text)
        ? ' It looks like a POP3 greeting: choose STARTTLS pop3.'
        : /^HTTP\//.test(text)
          ? ' It looks like plain HTTP.'
          : '';
  return new PkiError('NETWORK', `The server answered in plain text: is this the TLS port? ${where} said ${quote(firstLine)}.`, `Check the port (HTTPS is usually 443).${guess}`);
}

/** The short reason inside an OpenSSL error message ("...:SSL routines:ssl3_get_record:wrong version number:..."). */
function opensslReason(e: Error): string {
  const m = /SSL routines:[^:]*:([^:]+)/.exec(e.message);
  return (m ? m[1] : e.message).trim();
}

function handshakeError(host: string, port: number, outcome: HandshakeOutcome, flight: ServerFlight): PkiError {
  const e = outcome.error!;
  if (flight.notTls) return notTlsError(host, port, outcome.inbound);
  const alert = flight.alert?.name ?? alertFromErrorCode(errorCode(e));
  if (alert) return handshakeAlertError(host, port, alert);
  const code = errorCode(e);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') return notTlsError(host, port, outcome.inbound);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    if (outcome.inbound.length === 0) return closedEarly(host, port, 'waiting for the TLS handshake, without answering it');
    return socketError(e, host, port, 'doing the TLS handshake');
  }
  if (code.startsWith('ERR_SSL_') || /SSL routines/.test(e.message)) {
    return new PkiError('NETWORK', `The TLS handshake with ${host}:${port} failed: ${opensslReason(e)}.`, 'Check that the port serves TLS and the servername (SNI) it expects.');
  }
  return socketError(e, host, port, 'doing the TLS handshake');
}

function issuerNames(authorities: Uint8Array[]): string[] {
  return authorities.map((dn) => {
    try {
      return readName(readRoot(dn, 'a CA name')).text;
    } catch {
      return `#${Buffer.from(dn).toString('hex')}`;
    }
  });
}

/** The fatal alert with which the server ended the connection, during the handshake or right after it. */
function endingAlert(flight: ServerFlight, outcome: HandshakeOutcome): string | null {
  if (flight.alert?.fatal) return flight.alert.name;
  const error = outcome.error ?? (outcome.after?.kind === 'alert' ? outcome.after.error : null);
  return error ? alertFromErrorCode(errorCode(error)) : null;
}

/** The handshake failed after the server asked for a client certificate, for that reason as far as can be told. */
function refusedWithoutClientCertificate(flight: ServerFlight, outcome: HandshakeOutcome): boolean {
  if (!outcome.error || !flight.certificates || !flight.certificateRequest) return false;
  const alert = endingAlert(flight, outcome);
  return alert === null || CLIENT_CERTIFICATE_ALERTS.has(alert);
}

function clientCertificate(flight: ServerFlight, outcome: HandshakeOutcome): TlsFetchResult['clientCertificate'] {
  const request = flight.certificateRequest;
  if (!request) {
    if (flight.unreadable && !flight.certificates) {
      return { requested: false, acceptedIssuers: null, note: 'Not known: the encrypted handshake could not be read, so a request for a client certificate would not have been seen.' };
    }
    return { requested: false, acceptedIssuers: null, note: null };
  }
  const alert = endingAlert(flight, outcome);
  let note: string;
  if (alert && CLIENT_CERTIFICATE_ALERTS.has(alert)) {
    note = `Required: the server ended the handshake (${alert}) when Certbench sent no client certificate.`;
  } else if (outcome.error && !alert) {
    note = 'Probably required: the server closed the connection without saying why after Certbench sent no client certificate.';
  } else if (!outcome.error && (outcome.after === null || outcome.after.kind === 'continued' || flight.acceptedAfterHandshake)) {
    note = 'Optional: the server went on without a client certificate.';
  } else {
    note = 'Asked for; whether it is required is not known (the server said nothing more after the handshake).';
  }
  if (flight.postHandshakeRequest) note = `Asked for after the handshake (TLS 1.3 post-handshake authentication). ${note}`;
  if (request.authorities.length === 0) note += ' The server names no CAs: any client certificate may be offered.';
  return { requested: true, acceptedIssuers: issuerNames(request.authorities), note };
}

function cipherName(outcome: HandshakeOutcome, flight: ServerFlight): string {
  if (outcome.info.cipher) return outcome.info.cipher;
  const suite = flight.hello?.cipherSuite;
  if (suite === undefined) return 'unknown';
  return TLS13_SUITES[suite]?.name ?? `0x${suite.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The fetch's answer, or the NETWORK error that explains why there is none. */
export function tlsReport(facts: ConnectionFacts, outcome: HandshakeOutcome, durationMs: number): TlsFetchResult {
  const { host, port } = facts;
  const flight = readServerFlight(outcome.inbound, outcome.secrets);
  if (outcome.error && !refusedWithoutClientCertificate(flight, outcome)) throw handshakeError(host, port, outcome, flight);
  const notes: string[] = [];
  let served = flight.certificates;
  if (!served) {
    served = outcome.libraryChain;
    notes.push(
      `The exact order the server sent its certificates could not be read (${flight.unreadable ?? (outcome.inboundCapped ? 'the server sent more than 1 MiB' : 'no Certificate message was seen')}); ` +
        'they are shown as the TLS library rebuilt the chain, which hides duplicates, extra certificates and a wrong order.',
    );
  }
  if (served.length === 0) notes.push('The server sent no certificate.');
  if (outcome.error) {
    notes.push('The handshake did not complete: the server ended it after asking for a client certificate, which Certbench does not send; everything above was read before that.');
  }
  const helloVersion = flight.hello ? VERSION_NAMES[flight.hello.version] : undefined;
  const group = flight.hello?.keyShareGroup;
  return {
    ...facts,
    protocol: outcome.info.protocol ?? helloVersion ?? 'unknown',
    cipher: cipherName(outcome, flight),
    keyExchange: outcome.info.keyExchange ?? (group != null ? (GROUP_NAMES[group] ?? null) : null),
    alpn: outcome.info.alpn,
    served,
    stapledOcsp: outcome.stapledOcsp ?? flight.stapledOcsp,
    clientCertificate: clientCertificate(flight, outcome),
    durationMs,
    notes,
  };
}
