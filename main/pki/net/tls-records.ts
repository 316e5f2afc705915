/**
 * The TLS record layer (RFC 8446 5.1, RFC 5246 6.2): splits the bytes a server sent into records. The
 * last record may be incomplete when the connection ended early; it is left out and reported.
 */
export const enum ContentType {
  ChangeCipherSpec = 20,
  Alert = 21,
  Handshake = 22,
  ApplicationData = 23,
}

export interface TlsRecord {
  type: number;
  /** The record header's legacy version (0x0303 for TLS 1.2 and 1.3). */
  version: number;
  /** The 5-byte header: TLS 1.3's additional data for decryption. */
  header: Uint8Array;
  fragment: Uint8Array;
}

/** Longest record fragment allowed: 2^14 plus TLS 1.3's expansion (RFC 8446 5.2). */
const MAX_FRAGMENT = 16384 + 256;

export interface SplitRecords {
  records: TlsRecord[];
  /** Bytes after the last whole record (a record cut short). */
  trailing: number;
  /** The bytes stopped looking like TLS records at this offset (null when they all did). */
  notTlsAt: number | null;
}

/** True when a record header could start here: a known content type and a 3.x version. */
export function looksLikeRecordHeader(bytes: Uint8Array, at = 0): boolean {
  return bytes.length - at >= 3 && bytes[at] >= 20 && bytes[at] <= 24 && bytes[at + 1] === 3 && bytes[at + 2] <= 4;
}

export function splitRecords(bytes: Uint8Array): SplitRecords {
  const records: TlsRecord[] = [];
  let at = 0;
  while (bytes.length - at >= 5) {
    if (!looksLikeRecordHeader(bytes, at)) return { records, trailing: 0, notTlsAt: at };
    const length = (bytes[at + 3] << 8) | bytes[at + 4];
    if (length > MAX_FRAGMENT) return { records, trailing: 0, notTlsAt: at };
    if (bytes.length - at - 5 < length) break;
    records.push({ type: bytes[at], version: (bytes[at + 1] << 8) | bytes[at + 2], header: bytes.subarray(at, at + 5), fragment: bytes.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  return { records, trailing: bytes.length - at, notTlsAt: null };
}
