/**
 * Connects to host:port (optionally after a STARTTLS preamble), completes a TLS handshake without trusting
 * anything, and reports what the server sent: the certificates in their exact order, protocol, cipher, key
 * exchange, stapled OCSP, and whether it asks for a client certificate and from which CAs.
 *
 * The certificates come from the raw Certificate message (the record tap, decrypted with the keylog's
 * secrets in TLS 1.3), because Node's getPeerCertificate(true) reorders them by issuer and drops extras and
 * duplicates, which are exactly the mistakes the chain doctor must see.
 */
import { isIP } from 'node:net';
import { PkiError } from '../errors';
import { readRoot } from '../der/der';
import { readName } from '../x509/name';
import { Deadline } from './deadline';
import { alertFromErrorCode, closedEarly, errorCode, handshakeAlertError, quote, socketError } from './net-errors';
import type { TlsFetchResult, TlsTarget } from './port';
import { PreambleChannel } from './starttls/channel';
import { STARTTLS } from './starttls/index';
import { CLIENT_CERTIFICATE_ALERTS } from './tls-alerts';
import { connectTcp } from './tcp-connect';
import { runHandshake, type HandshakeOutcome } from './tls-handshake-run';
import { readServerFlight, type ServerFlight } from './tls-server-flight';
import { TLS13_SUITES } from './tls13-decrypt';

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long to wait, after a TLS 1.3 handshake where a client certificate was asked for, for the server's verdict. */
const CLIENT_CERT_VERDICT_MS = 1_000;

const VERSION_NAMES: Record<number, string> = { 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

/** Named groups (RFC 8446 4.2.7, IANA) as the report shows them. */
const GROUP_NAMES: Record<number, string> = { 0x0017: 'ECDH P-256', 0x0018: 'ECDH P-384', 0x0019: 'ECDH P-521', 0x001d: 'X25519', 0x001e: 'X448', 0x11ec: 'X25519MLKEM768' };

function normalizeHost(host: string): string {
  const h = host.trim();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

function checkTarget(host: string, port: number): void {
  if (!host) throw new PkiError('INVALID_ARGUMENT', 'No host name or address was given.', 'Give a host name or address, such as example.com or 192.0.2.1.');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PkiError('INVALID_ARGUMENT', `${port} is not a TCP port.`, 'Give a port from 1 to 65535 (HTTPS is 443).');
  }
}

/** SNI: the caller's choice; by default the host when it is a name (RFC 6066 forbids IP literals). */
function chooseServername(host: string, servername: string | null | undefined): string | null {
  if (servername === undefined) return isIP(host) ? null : host;
  return servername || null;
}

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
    return socketError(e, host, port, 'the TLS handshake');
  }
  if (code.startsWith('ERR_SSL_') || /SSL routines/.test(e.message)) {
    return new PkiError('NETWORK', `The TLS handshake with ${host}:${port} failed: ${opensslReason(e)}.`, 'Check that the port serves TLS and the servername (SNI) it expects.');
  }
  return socketError(e, host, port, 'the TLS handshake');
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

function clientCertificate(flight: ServerFlight, outcome: HandshakeOutcome): TlsFetchResult['clientCertificate'] {
  const request = flight.certificateRequest;
  if (!request) {
    if (flight.unreadable && !flight.certificates) {
      return { requested: false, acceptedIssuers: null, note: 'Not known: the encrypted handshake could not be read, so a request for a client certificate would not have been seen.' };
    }
    return { requested: false, acceptedIssuers: null, note: null };
  }
  const acceptedIssuers = issuerNames(request.authorities);
  let note: string | null = null;
  const alert = flight.alert?.fatal ? flight.alert.name : outcome.error ? alertFromErrorCode(errorCode(outcome.error)) : null;
  const afterAlert = outcome.after?.kind === 'alert' ? alertFromErrorCode(errorCode(outcome.after.error)) : null;
  const refusal = afterAlert ?? alert;
  if (refusal && CLIENT_CERTIFICATE_ALERTS.has(refusal)) {
    note = `Required: the server ended the handshake (${refusal}) when Certbench sent no client certificate.`;
  } else if (!outcome.error && (outcome.after === null || outcome.after.kind === 'continued' || flight.acceptedAfterHandshake)) {
    note = 'Optional: the server went on without a client certificate.';
  } else {
    note = 'Asked for; whether it is required is not known (the server said nothing more after the handshake).';
  }
  if (flight.postHandshakeRequest) note = `Asked for after the handshake (TLS 1.3 post-handshake authentication).${note ? ' ' + note : ''}`;
  if (request.authorities.length === 0) note = `${note ? note + ' ' : ''}The server names no CAs: any client certificate may be offered.`;
  return { requested: true, acceptedIssuers, note };
}

function cipherName(outcome: HandshakeOutcome, flight: ServerFlight): string {
  if (outcome.info.cipher) return outcome.info.cipher;
  const suite = flight.hello?.cipherSuite;
  if (suite === undefined) return 'unknown';
  return TLS13_SUITES[suite]?.name ?? `0x${suite.toString(16).toUpperCase().padStart(4, '0')}`;
}

export async function tlsFetch(target: TlsTarget): Promise<TlsFetchResult> {
  const started = performance.now();
  const host = normalizeHost(target.host);
  const port = target.port;
  checkTarget(host, port);
  const servername = chooseServername(host, target.servername);
  const starttls = target.starttls ?? null;
  const deadline = new Deadline(`${host}:${port}`, target.timeoutMs ?? DEFAULT_TIMEOUT_MS, target.signal);
  let socket: import('node:net').Socket | null = null;
  try {
    socket = await connectTcp(host, port, deadline);
    const address = socket.remoteAddress ?? host;
    if (starttls) {
      const channel = new PreambleChannel(socket, host, port, deadline);
      try {
        await STARTTLS[starttls](channel);
      } finally {
        const leftover = channel.release();
        if (leftover.length) socket.unshift(Buffer.from(leftover));
      }
    }
    const outcome = await runHandshake(
      socket,
      {
        servername,
        alpn: starttls ? null : ['h2', 'http/1.1'],
        watchAfter: (inbound, secrets) => readServerFlight(inbound, secrets).certificateRequest !== null,
        watchMs: CLIENT_CERT_VERDICT_MS,
      },
      deadline,
    );
    if (deadline.expired) throw deadline.expired;
    const flight = readServerFlight(outcome.inbound, outcome.secrets);
    const notes: string[] = [];
    if (outcome.error && !(flight.certificates && flight.certificateRequest)) throw handshakeError(host, port, outcome, flight);

    let served = flight.certificates;
    if (!served) {
      served = outcome.libraryChain;
      notes.push(
        `The exact order the server sent its certificates could not be read (${flight.unreadable ?? 'no Certificate message was seen'}); ` +
          'they are shown as the TLS library rebuilt the chain, which hides duplicates, extra certificates and a wrong order.',
      );
    }
    if (served.length === 0) notes.push('The server sent no certificate.');
    const clientCert = clientCertificate(flight, outcome);
    if (outcome.error) notes.push('The handshake did not complete: the server ended it after asking for a client certificate, which Certbench does not send; everything above was read before that.');

    const helloVersion = flight.hello ? VERSION_NAMES[flight.hello.version] : undefined;
    return {
      host,
      port,
      address,
      servername,
      starttls,
      protocol: outcome.info.protocol ?? helloVersion ?? 'unknown',
      cipher: cipherName(outcome, flight),
      keyExchange: outcome.info.keyExchange ?? (flight.hello?.keyShareGroup != null ? (GROUP_NAMES[flight.hello.keyShareGroup] ?? null) : null),
      alpn: outcome.info.alpn,
      served,
      stapledOcsp: outcome.stapledOcsp ?? flight.stapledOcsp,
      clientCertificate: clientCert,
      durationMs: Math.round(performance.now() - started),
      notes,
    };
  } catch (e) {
    if (deadline.expired) throw deadline.expired;
    if (e instanceof PkiError) throw e;
    throw socketError(e, host, port, deadline.phase);
  } finally {
    deadline.dispose();
    socket?.destroy();
  }
}
