/**
 * OCSP requests (RFC 6960 4.1): CertID (SHA-1 of the issuer's name and key, the serial), optional nonce.
 * STUB (owner: chain-ocsp).
 */
import type { ChainCert } from '../chain/chain-cert';

export interface OcspRequestOptions {
  /** RFC 8954 nonce (1..32 bytes); none when absent. */
  nonce?: Uint8Array;
}

/** The DER of an OCSPRequest for `cert` issued by `issuer`. */
export function ocspRequest(cert: ChainCert, issuer: ChainCert, options: OcspRequestOptions = {}): Uint8Array {
  void cert;
  void issuer;
  void options;
  throw new Error('ocspRequest is not built yet');
}
