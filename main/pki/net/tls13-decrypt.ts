/**
 * Reads TLS 1.3 records that a server encrypted, given its traffic secret (RFC 8446 5.2, 5.3, 7.1, 7.3).
 * The client's TLS library hands the secrets out through Node's 'keylog' event; the chain doctor uses them
 * only to see the server's Certificate and CertificateRequest messages, which TLS 1.3 encrypts.
 */
import { aeadDecrypt, hmac, HASH_BYTES, type AeadName, type HashName } from '../crypto';

export interface Tls13Suite {
  name: string;
  aead: AeadName;
  keyLength: number;
  tagLength: number;
  hash: HashName;
}

/** RFC 8446 B.4 cipher suites. */
export const TLS13_SUITES: Record<number, Tls13Suite> = {
  0x1301: { name: 'TLS_AES_128_GCM_SHA256', aead: 'aes-128-gcm', keyLength: 16, tagLength: 16, hash: 'sha256' },
  0x1302: { name: 'TLS_AES_256_GCM_SHA384', aead: 'aes-256-gcm', keyLength: 32, tagLength: 16, hash: 'sha384' },
  0x1303: { name: 'TLS_CHACHA20_POLY1305_SHA256', aead: 'chacha20-poly1305', keyLength: 32, tagLength: 16, hash: 'sha256' },
  0x1304: { name: 'TLS_AES_128_CCM_SHA256', aead: 'aes-128-ccm', keyLength: 16, tagLength: 16, hash: 'sha256' },
  0x1305: { name: 'TLS_AES_128_CCM_8_SHA256', aead: 'aes-128-ccm', keyLength: 16, tagLength: 8, hash: 'sha256' },
};

/** HKDF-Expand (RFC 5869 2.3) over the hmac of crypto.ts. */
export function hkdfExpand(hash: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let previous = new Uint8Array(0);
  let filled = 0;
  for (let i = 1; filled < length; i++) {
    const input = new Uint8Array(previous.length + info.length + 1);
    input.set(previous);
    input.set(info, previous.length);
    input[input.length - 1] = i;
    previous = new Uint8Array(hmac(hash, prk, input));
    out.set(previous.subarray(0, Math.min(previous.length, length - filled)), filled);
    filled += HASH_BYTES[hash];
  }
  return out;
}

/** HKDF-Expand-Label(Secret, Label, Context, Length) of RFC 8446 7.1. */
export function hkdfExpandLabel(hash: HashName, secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  const fullLabel = new TextEncoder().encode(`tls13 ${label}`);
  const info = new Uint8Array(2 + 1 + fullLabel.length + 1 + context.length);
  info[0] = length >> 8;
  info[1] = length & 0xff;
  info[2] = fullLabel.length;
  info.set(fullLabel, 3);
  info[3 + fullLabel.length] = context.length;
  info.set(context, 4 + fullLabel.length);
  return hkdfExpand(hash, secret, info, length);
}

export interface OpenedRecord {
  /** The inner content type (handshake, alert, application data). */
  type: number;
  content: Uint8Array;
}

/** Decrypts one direction's records in order under one traffic secret (the sequence number counts from 0). */
export class Tls13RecordOpener {
  private readonly key: Uint8Array;
  private readonly iv: Uint8Array;
  private sequence = 0n;

  constructor(
    private readonly suite: Tls13Suite,
    secret: Uint8Array,
  ) {
    this.key = hkdfExpandLabel(suite.hash, secret, 'key', new Uint8Array(0), suite.keyLength);
    this.iv = hkdfExpandLabel(suite.hash, secret, 'iv', new Uint8Array(0), 12);
  }

  /** The record opened, or null when it does not authenticate under this secret. */
  open(header: Uint8Array, fragment: Uint8Array): OpenedRecord | null {
    const nonce = Uint8Array.from(this.iv);
    let seq = this.sequence;
    for (let i = 11; i >= 4 && seq > 0n; i--) {
      nonce[i] ^= Number(seq & 0xffn);
      seq >>= 8n;
    }
    const plain = aeadDecrypt(this.suite.aead, this.key, nonce, header, fragment, this.suite.tagLength);
    if (!plain) return null;
    this.sequence++;
    // TLSInnerPlaintext: content, then the real type, then zero padding.
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--;
    if (end === 0) return null;
    return { type: plain[end - 1], content: plain.subarray(0, end - 1) };
  }
}
