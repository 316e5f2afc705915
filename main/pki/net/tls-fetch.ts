/**
 * Connects to host:port (optionally after a STARTTLS preamble), completes a TLS handshake without trusting
 * anything, and reports what the server sent: the certificates in their exact order, protocol, cipher, key
 * exchange, stapled OCSP, and whether it asks for a client certificate and from which CAs.
 *
 * The certificates come from the raw Certificate message (the record tap, decrypted with the keylog's
 * secrets in TLS 1.3), because Node's getPeerCertificate(true) reorders them by issuer and drops extras and
 * duplicates, which are exactly the mistakes the chain doctor must see.
 */
import type { Socket } from 'node:net';
import { PkiError } from '../errors';
import { nodeNet } from '../lazy-builtins';
import { Deadline } from './deadline';
import { socketError } from './net-errors';
import type { TlsFetchResult, TlsTarget } from './port';
import { PreambleChannel } from './starttls/channel';
import { STARTTLS } from './starttls/index';
import { connectTcp } from './tcp-connect';
import { runHandshake } from './tls-handshake-run';
import { tlsReport } from './tls-report';
import { readServerFlight } from './tls-server-flight';

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long to wait, after a TLS 1.3 handshake where a client certificate was asked for, for the server's verdict. */
const CLIENT_CERT_VERDICT_MS = 1_000;

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

/** SNI: the caller's choice, else the host; never an IP literal (RFC 6066 3 forbids them, and Node warns). */
function chooseServername(host: string, servername: string | null | undefined): string | null {
  const name = servername === undefined ? host : servername?.trim();
  return name && !nodeNet().isIP(normalizeHost(name)) ? name : null;
}

export async function tlsFetch(target: TlsTarget): Promise<TlsFetchResult> {
  const started = performance.now();
  const host = normalizeHost(target.host);
  const port = target.port;
  checkTarget(host, port);
  const servername = chooseServername(host, target.servername);
  const starttls = target.starttls ?? null;
  const deadline = new Deadline(`${host}:${port}`, target.timeoutMs ?? DEFAULT_TIMEOUT_MS, target.signal);
  let socket: Socket | null = null;
  try {
    if (deadline.expired) throw deadline.expired;
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
    return tlsReport({ host, port, address, servername, starttls }, outcome, Math.round(performance.now() - started));
  } catch (e) {
    if (deadline.expired) throw deadline.expired;
    if (e instanceof PkiError) throw e;
    throw socketError(e, host, port, deadline.phase);
  } finally {
    deadline.dispose();
    socket?.destroy();
  }
}
