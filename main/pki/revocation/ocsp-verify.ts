/**
 * OCSP response checking (RFC 6960 3.2, 4.2): the response is successful, signed by the issuer or by a
 * responder the issuer delegated (id-kp-OCSPSigning), answers for this CertID, echoes our nonce when we sent
 * one, and is fresh at the time (thisUpdate not in the future, nextUpdate not passed; a max age when there is
 * no nextUpdate).
 */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';
import { children, hex, oidOf, value, type Tlv } from '../der/der';
import { octetString } from '../der/write';
import { isPkiError } from '../errors';
import { readBasicOcsp, singleResponse, type BasicOcspParts } from '../ocsp/response';
import { matchCertId } from './ocsp-cert-id';
import { OCSP_NONCE } from './ocsp-request';
import { checkOcspSigner, type SignerFailure } from './ocsp-signer';

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

/** Why a response could not be used; the conformance suite compares these with OpenSSL's expectations. */
export type OcspFailure =
  | 'malformed'
  | 'not-successful'
  | 'not-basic'
  | 'no-response-for-cert'
  | 'issuer-name-hash'
  | 'issuer-key-hash'
  | 'unsupported-hash'
  | SignerFailure
  | 'nonce-mismatch'
  | 'not-yet-valid'
  | 'stale';

export interface OcspVerdict {
  result: RevocationDto;
  /** null when the response was trusted (good, revoked or the responder's own unknown). */
  failure: OcspFailure | null;
}

/** Clock difference tolerated between us and the responder, both ways. */
export const OCSP_SKEW_MS = 5 * 60_000;
const DEFAULT_MAX_AGE_MS = 7 * 86_400_000;

/** method 'ocsp' (the caller sets 'stapled-ocsp'); 'unknown' with why when the response cannot be trusted. */
export function verifyOcspResponse(der: Uint8Array, input: OcspVerifyInput): RevocationDto {
  return checkOcspResponse(der, input).result;
}

export function checkOcspResponse(der: Uint8Array, input: OcspVerifyInput): OcspVerdict {
  let read: ReturnType<typeof readBasicOcsp>;
  try {
    read = readBasicOcsp(der);
  } catch (e) {
    return untrusted('malformed', `The OCSP response cannot be read: ${isPkiError(e) ? e.message : 'it is not DER'}`);
  }
  if (read.status !== 'successful') return untrusted('not-successful', `The OCSP responder did not answer: its status is ${read.status}`);
  if (!read.basic) return untrusted(read.responseType ? 'not-basic' : 'malformed', read.responseType ? `The OCSP response is of type ${read.responseType}, not the basic type` : 'The OCSP response says "successful" but carries no answer');
  try {
    return checkBasic(read.basic, input);
  } catch (e) {
    return untrusted('malformed', `The OCSP response cannot be read: ${isPkiError(e) ? e.message : String(e)}`);
  }
}

function checkBasic(basic: BasicOcspParts, input: OcspVerifyInput): OcspVerdict {
  const { cert, issuer, at } = input;
  const single = findSingle(basic.responses, cert, issuer);
  if ('failure' in single) return single;

  const signer = checkOcspSigner(basic, issuer, input.others ?? [], at);
  if (!signer.ok) return untrusted(signer.failure, `The OCSP response cannot be trusted: ${signer.detail}`);

  if (input.nonce) {
    const echoed = nonceOf(basic.extensions);
    // A responder may ignore the nonce (RFC 8954 allows pre-produced responses); a different one is a replay.
    if (echoed && hex(echoed) !== hex(input.nonce) && hex(echoed) !== hex(octetString(input.nonce))) {
      return untrusted('nonce-mismatch', 'The OCSP response carries a different nonce from the one sent: it may be a replayed answer');
    }
  }

  const facts = singleResponse(single.tlv, 1, []);
  const thisUpdate = facts.thisUpdate ? Date.parse(facts.thisUpdate) : NaN;
  const nextUpdate = facts.nextUpdate ? Date.parse(facts.nextUpdate) : null;
  const times = { thisUpdate: facts.thisUpdate, nextUpdate: facts.nextUpdate };
  if (Number.isNaN(thisUpdate)) return untrusted('malformed', 'The OCSP response has no readable thisUpdate time', times);
  if (thisUpdate > at + OCSP_SKEW_MS) return untrusted('not-yet-valid', `The OCSP response is dated in the future (thisUpdate ${facts.thisUpdate})`, times);
  if (nextUpdate !== null && nextUpdate + OCSP_SKEW_MS < at) return untrusted('stale', `The OCSP response is out of date: its nextUpdate ${facts.nextUpdate} has passed`, times);
  const maxAge = input.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (nextUpdate === null && at - thisUpdate > maxAge) {
    return untrusted('stale', `The OCSP response is older than ${Math.round(maxAge / 86_400_000)} days (thisUpdate ${facts.thisUpdate}) and names no nextUpdate`, times);
  }

  const by = signer.delegated ? `signed by the delegated responder ${signer.signer.subject}` : 'signed by the issuer';
  const until = facts.nextUpdate ? `, fresh until ${facts.nextUpdate}` : '';
  const base = { method: 'ocsp' as const, url: null, ...times };
  if (facts.status === 'good') return { failure: null, result: { ...base, status: 'good', revokedAt: null, reason: null, detail: `OCSP responder says good, ${by}${until}` } };
  if (facts.status === 'revoked') {
    const reason = facts.revocationReason ? ` (${facts.revocationReason})` : '';
    return {
      failure: null,
      result: { ...base, status: 'revoked', revokedAt: facts.revocationTime, reason: facts.revocationReason, detail: `OCSP responder says revoked on ${facts.revocationTime ?? 'an unknown date'}${reason}, ${by}` },
    };
  }
  return { failure: null, result: { ...base, status: 'unknown', revokedAt: null, reason: null, detail: `OCSP responder does not know this certificate (status unknown), ${by}` } };
}

/** The SingleResponse for our CertID, or the nearest miss (same serial, other issuer hashes) as the reason. */
function findSingle(responses: Tlv[], cert: ChainCert, issuer: ChainCert): { tlv: Tlv } | OcspVerdict {
  let miss: OcspVerdict | null = null;
  for (const r of responses) {
    const certId = children(r, 'single response')[0];
    const m = matchCertId(certId, cert, issuer);
    if (m.kind === 'match') return { tlv: r };
    if (m.kind === 'unsupported-hash') miss ??= untrusted('unsupported-hash', `The OCSP response names certificates with a hash Certbench does not know (${m.oid})`);
    else if (m.kind === 'issuer-name-hash' || m.kind === 'issuer-key-hash') {
      const which = m.kind === 'issuer-name-hash' ? 'name' : 'key';
      miss = untrusted(m.kind, `The OCSP response answers for serial ${cert.serialHex} but its issuer ${which} hash does not match ${issuer.subject}`);
    }
  }
  return miss ?? untrusted('no-response-for-cert', `The OCSP response does not answer for this certificate (serial ${cert.serialHex})`);
}

function nonceOf(extensions: Tlv | null): Uint8Array | null {
  if (!extensions) return null;
  for (const ext of children(extensions, 'response extension')) {
    const parts = children(ext, 'response extension');
    if (oidOf(parts[0]) !== OCSP_NONCE) continue;
    return value(parts[parts.length - 1]);
  }
  return null;
}

function untrusted(failure: OcspFailure, detail: string, times: { thisUpdate: string | null; nextUpdate: string | null } = { thisUpdate: null, nextUpdate: null }): OcspVerdict {
  return { failure, result: { status: 'unknown', method: 'ocsp', revokedAt: null, reason: null, url: null, ...times, detail: `${detail}.` } };
}
