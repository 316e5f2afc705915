/**
 * Runs one TLS handshake as a client over a connected socket, trusting nothing (we diagnose, we do not
 * verify), and collects everything the chain doctor reports: the raw bytes the server sent (through the
 * record tap), the traffic secrets from the keylog, what the TLS library says about the session, the
 * stapled OCSP response, and how the handshake ended. It never rejects: a failed handshake is an outcome.
 */
import type { Socket } from 'node:net';
import type { ConnectionOptions, PeerCertificate, TLSSocket } from 'node:tls';
import { nodeTls } from '../lazy-builtins';
import type { Deadline } from './deadline';
import type { KeylogSecrets } from './tls-server-flight';
import { RecordTap } from './tls-record-tap';

export interface SessionInfo {
  /** "TLSv1.3". */
  protocol: string | null;
  /** IANA name. */
  cipher: string | null;
  keyExchange: string | null;
  alpn: string | null;
}

/** What a TLS 1.3 server did right after the handshake, when it had asked for a client certificate. */
export type AfterHandshake = { kind: 'alert'; error: Error } | { kind: 'continued' } | { kind: 'silent' };

export interface HandshakeOutcome {
  /** Every byte the server sent, up to the tap's cap. */
  inbound: Uint8Array;
  /** The server sent more than the tap keeps (1 MiB): what is past that was not read. */
  inboundCapped: boolean;
  secrets: KeylogSecrets;
  info: SessionInfo;
  /** The chain as the TLS library rebuilt it (getPeerCertificate(true)): the fallback when the tap could not be read. */
  libraryChain: Uint8Array[];
  /** From the 'OCSPResponse' event. */
  stapledOcsp: Uint8Array | null;
  /** Why the handshake failed; null when it completed. */
  error: Error | null;
  /** Set when the handshake completed in TLS 1.3 and `watchAfter` asked to wait for the server's next move. */
  after: AfterHandshake | null;
}

export interface HandshakeOptions {
  servername: string | null;
  alpn: string[] | null;
  /** After a TLS 1.3 handshake, wait up to this long for the server's next move when this returns true. */
  watchAfter: (inbound: Uint8Array, secrets: KeylogSecrets) => boolean;
  watchMs: number;
}

/** "X25519", "ECDH P-256", "DH 2048". */
function keyExchangeName(info: ReturnType<TLSSocket['getEphemeralKeyInfo']>): string | null {
  if (!info || typeof info !== 'object' || !('type' in info)) return null;
  const { type, name, size } = info as { type?: string; name?: string; size?: number };
  if (type === 'ECDH') {
    if (name === 'X25519' || name === 'X448') return name;
    const curve = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[name ?? ''] ?? name;
    return curve ? `ECDH ${curve}` : 'ECDH';
  }
  if (type === 'DH') return size ? `DH ${size}` : 'DH';
  return type ?? null;
}

function readInfo(socket: TLSSocket, into: SessionInfo): void {
  try {
    into.protocol = socket.getProtocol() ?? into.protocol;
    const cipher = socket.getCipher() as { standardName?: string; name?: string } | undefined;
    if (cipher) into.cipher = cipher.standardName ?? cipher.name ?? into.cipher;
    into.keyExchange = keyExchangeName(socket.getEphemeralKeyInfo()) ?? into.keyExchange;
    if (typeof socket.alpnProtocol === 'string') into.alpn = socket.alpnProtocol;
  } catch {
    // The handle is gone (the socket was destroyed): keep what was read before.
  }
}

function libraryChain(socket: TLSSocket): Uint8Array[] {
  const out: Uint8Array[] = [];
  const seen = new Set<PeerCertificate>();
  let cert: PeerCertificate | undefined;
  try {
    cert = socket.getPeerCertificate(true);
  } catch {
    return out;
  }
  while (cert && cert.raw && !seen.has(cert)) {
    seen.add(cert);
    out.push(new Uint8Array(cert.raw));
    cert = (cert as { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return out;
}

export function runHandshake(raw: Socket, options: HandshakeOptions, deadline: Deadline): Promise<HandshakeOutcome> {
  const tap = new RecordTap(raw);
  // Socket errors reach us through the TLS socket; these keep a late one (after we let go) from being unhandled.
  tap.on('error', () => {});
  raw.on('error', () => {});
  const secrets: KeylogSecrets = new Map();
  const info: SessionInfo = { protocol: null, cipher: null, keyExchange: null, alpn: null };
  const outcome: HandshakeOutcome = { inbound: new Uint8Array(0), inboundCapped: false, secrets, info, libraryChain: [], stapledOcsp: null, error: null, after: null };

  // requestOCSP is passed on to the TLSSocket (Node documents it there; @types/node omits it from connect).
  const connectOptions: ConnectionOptions & { requestOCSP: boolean } = {
    socket: tap,
    rejectUnauthorized: false,
    requestOCSP: true,
    ...(options.servername ? { servername: options.servername } : {}),
    ...(options.alpn ? { ALPNProtocols: options.alpn } : {}),
  };
  const socket = nodeTls().connect(connectOptions);
  deadline.phase = 'doing the TLS handshake';
  deadline.onExpire(() => socket.destroy());

  return new Promise<HandshakeOutcome>((resolve) => {
    let secured = false;
    let settled = false;
    let watchTimer: NodeJS.Timeout | null = null;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (watchTimer) clearTimeout(watchTimer);
      outcome.inbound = tap.inbound();
      outcome.inboundCapped = tap.overflow;
      socket.destroy();
      raw.destroy();
      resolve(outcome);
    };
    deadline.onExpire(finish);

    socket.on('keylog', (line: Buffer) => {
      const [label, , secretHex] = line.toString('latin1').trim().split(' ');
      if (label && secretHex) secrets.set(label, Buffer.from(secretHex, 'hex'));
      readInfo(socket, info);
    });
    socket.on('OCSPResponse', (response?: Buffer) => {
      if (response && response.length) outcome.stapledOcsp = new Uint8Array(response);
    });
    socket.once('secureConnect', () => {
      secured = true;
      readInfo(socket, info);
      outcome.libraryChain = libraryChain(socket);
      if (info.protocol !== 'TLSv1.3' || !options.watchAfter(tap.inbound(), secrets)) return finish();
      // TLS 1.3: the client finishes first; the server says whether it insists on a client certificate after.
      outcome.after = { kind: 'silent' };
      if (sawTicket) return continued();
      watchTimer = setTimeout(finish, Math.min(options.watchMs, deadline.remainingMs));
      socket.once('data', continued);
    });
    // A session ticket after the handshake means the server accepted it. Node only asks OpenSSL for tickets
    // when a 'session' listener exists before the handshake, so it is added here, not in secureConnect.
    let sawTicket = false;
    const continued = () => {
      if (outcome.after) outcome.after = { kind: 'continued' };
      finish();
    };
    socket.on('session', () => {
      sawTicket = true;
      if (outcome.after) continued();
    });
    socket.on('error', (e: Error) => {
      if (secured) {
        if (outcome.after) outcome.after = { kind: 'alert', error: e };
      } else {
        readInfo(socket, info);
        outcome.libraryChain = libraryChain(socket);
        outcome.error = e;
      }
      finish();
    });
    socket.once('close', () => {
      if (!secured && !outcome.error) outcome.error = Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' });
      finish();
    });
  });
}
