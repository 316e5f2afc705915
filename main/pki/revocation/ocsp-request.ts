/**
 * OCSP requests (RFC 6960 4.1): one CertID (SHA-1 of the issuer's name and key, the serial), optionally
 * the RFC 8954 nonce extension. Unsigned, as every public responder expects.
 */
import type { ChainCert } from '../chain/chain-cert';
import { explicit, objectIdentifier, octetString, sequence } from '../der/write';
import { PkiError } from '../errors';
import { certIdDer } from './ocsp-cert-id';

export const OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';

export interface OcspRequestOptions {
  /** RFC 8954 nonce (1..32 bytes); none when absent. */
  nonce?: Uint8Array;
}

/** The DER of an OCSPRequest for `cert` issued by `issuer`. */
export function ocspRequest(cert: ChainCert, issuer: ChainCert, options: OcspRequestOptions = {}): Uint8Array {
  const request = sequence(certIdDer(cert, issuer));
  const parts = [sequence(request)];
  if (options.nonce) {
    if (options.nonce.length < 1 || options.nonce.length > 32) {
      throw new PkiError('INVALID_ARGUMENT', `An OCSP nonce must be 1 to 32 bytes long, not ${options.nonce.length}.`, 'Use 32 random bytes (RFC 8954).');
    }
    // Extension { extnID, extnValue OCTET STRING { Nonce ::= OCTET STRING } }
    const extension = sequence(objectIdentifier(OCSP_NONCE), octetString(octetString(options.nonce)));
    parts.push(explicit(2, sequence(extension)));
  }
  return sequence(sequence(...parts));
}
