/**
 * OCSP response checking (RFC 6960 3.2, 4.2): the response is successful, signed by the issuer or by a
 * responder the issuer delegated (id-kp-OCSPSigning), answers for this CertID, echoes our nonce when we sent
 * one, and is fresh at the time (thisUpdate not in the future, nextUpdate not passed; a max age when there is
 * no nextUpdate).
 * STUB (owner: chain-ocsp).
 */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';

export interface OcspVerifyInput {
  cert: ChainCert;
  issuer: ChainCert;
  at: number;
  /** The nonce we sent, when we sent one. */
  nonce?: Uint8Array;
  /** Trust anchors and other certificates that may be the responder (a responder signed by a root). */
  others?: readonly ChainCert[];
  /** Accept a response without nextUpdate this long after thisUpdate. Default 7 days. */
  maxAgeMs?: number;
}

/** method 'ocsp' (the caller sets 'stapled-ocsp'); 'unknown' with why when the response cannot be trusted. */
export function verifyOcspResponse(der: Uint8Array, input: OcspVerifyInput): RevocationDto {
  void der;
  void input;
  return { status: 'unknown', method: 'ocsp', revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url: null, detail: 'OCSP checking is not built yet.' };
}
