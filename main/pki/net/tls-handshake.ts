/**
 * The server's handshake messages that the chain doctor reads (RFC 8446 4, RFC 5246 7.4): ServerHello,
 * Certificate (1.2 and 1.3 forms), CertificateRequest (1.2 and 1.3 forms) and CertificateStatus. Messages
 * may span records, so the reassembler takes the handshake stream fragment by fragment.
 */
import { TlsReader } from './tls-bytes';

export const enum HandshakeType {
  ServerHello = 2,
  NewSessionTicket = 4,
  EncryptedExtensions = 8,
  Certificate = 11,
  ServerKeyExchange = 12,
  CertificateRequest = 13,
  ServerHelloDone = 14,
  CertificateVerify = 15,
  Finished = 20,
  CertificateStatus = 22,
}

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
}

/** Joins handshake-record fragments into whole messages. */
export class HandshakeReassembler {
  private pending = new Uint8Array(0);

  push(fragment: Uint8Array): HandshakeMessage[] {
    const joined = new Uint8Array(this.pending.length + fragment.length);
    joined.set(this.pending);
    joined.set(fragment, this.pending.length);
    const out: HandshakeMessage[] = [];
    let at = 0;
    while (joined.length - at >= 4) {
      const length = (joined[at + 1] << 16) | (joined[at + 2] << 8) | joined[at + 3];
      if (joined.length - at - 4 < length) break;
      out.push({ type: joined[at], body: joined.slice(at + 4, at + 4 + length) });
      at += 4 + length;
    }
    this.pending = joined.slice(at);
    return out;
  }

  /** A message was started but not finished. */
  get incomplete(): boolean {
    return this.pending.length > 0;
  }
}

/** RFC 8446 4.1.3: a ServerHello with this random is a HelloRetryRequest. */
const HELLO_RETRY_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

const EXT_SUPPORTED_VERSIONS = 43;
const EXT_KEY_SHARE = 51;
const EXT_CERTIFICATE_AUTHORITIES = 47;
const EXT_STATUS_REQUEST = 5;

export interface ServerHello {
  /** 0x0303 = TLS 1.2, 0x0304 = TLS 1.3 (from supported_versions when present). */
  version: number;
  cipherSuite: number;
  helloRetry: boolean;
  /** TLS 1.3 key_share group (RFC 8446 4.2.7), when present. */
  keyShareGroup: number | null;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function extensions(r: TlsReader): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (r.remaining === 0) return out;
  const list = r.sub(2, 'extensions');
  while (list.remaining > 0) {
    const type = list.u16();
    out.set(type, list.vector(2));
  }
  return out;
}

export function readServerHello(body: Uint8Array): ServerHello {
  const r = new TlsReader(body, 'the ServerHello');
  let version = r.u16();
  const random = r.take(32);
  r.vector(1); // legacy_session_id_echo
  const cipherSuite = r.u16();
  r.u8(); // compression
  const ext = extensions(r);
  const sv = ext.get(EXT_SUPPORTED_VERSIONS);
  if (sv && sv.length === 2) version = (sv[0] << 8) | sv[1];
  const helloRetry = hex(random) === HELLO_RETRY_RANDOM;
  const ks = ext.get(EXT_KEY_SHARE);
  const keyShareGroup = ks && ks.length >= 2 ? (ks[0] << 8) | ks[1] : null;
  return { version, cipherSuite, helloRetry, keyShareGroup };
}

export interface CertificateEntries {
  /** DER certificates in the order sent. */
  certs: Uint8Array[];
  /** TLS 1.3: an OCSP response stapled in the first entry's status_request extension (RFC 8446 4.4.2.1). */
  stapledOcsp: Uint8Array | null;
}

/** Certificate: TLS 1.2 is a list of certificates; TLS 1.3 adds a request context and per-entry extensions. */
export function readCertificate(body: Uint8Array, tls13: boolean): CertificateEntries {
  const r = new TlsReader(body, 'the Certificate message');
  if (tls13) r.vector(1); // certificate_request_context
  const list = r.sub(3, 'the certificate list');
  const certs: Uint8Array[] = [];
  let stapledOcsp: Uint8Array | null = null;
  while (list.remaining > 0) {
    certs.push(Uint8Array.from(list.vector(3)));
    if (tls13) {
      const ext = extensions(list);
      const status = ext.get(EXT_STATUS_REQUEST);
      if (status && certs.length === 1) stapledOcsp = readOcspStatus(status);
    }
  }
  return { certs, stapledOcsp };
}

/** CertificateStatus (RFC 6066 8) / the TLS 1.3 status_request entry extension: status_type 1 = ocsp. */
export function readOcspStatus(body: Uint8Array): Uint8Array | null {
  const r = new TlsReader(body, 'the stapled OCSP status');
  if (r.u8() !== 1) return null;
  return Uint8Array.from(r.vector(3));
}

export interface CertificateRequest {
  /** certificate_authorities: DER Names, in the order sent; empty when the server lists none. */
  authorities: Uint8Array[];
}

function readAuthorities(r: TlsReader): Uint8Array[] {
  const list = r.sub(2, 'the certificate authorities list');
  const out: Uint8Array[] = [];
  while (list.remaining > 0) out.push(Uint8Array.from(list.vector(2)));
  return out;
}

/**
 * TLS 1.3: a context and extensions (CA names in extension 47). TLS 1.2: types, signature algorithms, CA
 * names; TLS 1.0 and 1.1 have no signature algorithms.
 */
export function readCertificateRequest(body: Uint8Array, version: number): CertificateRequest {
  const r = new TlsReader(body, 'the CertificateRequest message');
  if (version >= 0x0304) {
    r.vector(1); // certificate_request_context
    const ext = extensions(r);
    const cas = ext.get(EXT_CERTIFICATE_AUTHORITIES);
    return { authorities: cas ? readAuthorities(new TlsReader(cas, 'the certificate_authorities extension')) : [] };
  }
  r.vector(1); // certificate_types
  if (version === 0x0303) r.vector(2); // supported_signature_algorithms
  return { authorities: r.remaining > 0 ? readAuthorities(r) : [] };
}
