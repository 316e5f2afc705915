/**
 * SHA-256 of a certificate's (or CSR's, CRL's) DER as upper-case hex: the identity each step of a listing or a
 * conversion names it by (its row, its full description, duplicates, chains, the plan). Kept by the very array,
 * so a 500-entry keystore hashes each certificate once instead of five times. Only for DER that is never
 * changed in place: never for private keys (the key vault zeroes them when their document closes).
 */
import { digestHex } from './crypto';

const known = new WeakMap<Uint8Array, string>();

export function derSha256(der: Uint8Array): string {
  let id = known.get(der);
  if (id === undefined) {
    id = digestHex('sha256', der).toUpperCase();
    known.set(der, id);
  }
  return id;
}
