/**
 * Asks one OCSP responder about one certificate (RFC 6960 Appendix A): GET with the request base64- and
 * URL-encoded in the path when that is under 255 bytes (RFC 5019 2.1.1), else POST application/ocsp-request;
 * a GET answered with an HTTP error or an unusable body is retried as a POST. Every exchange is a FetchAttemptDto.
 */
import type { FetchAttemptDto, RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';
import { randomBytes } from '../crypto';
import { isPkiError } from '../errors';
import { describeDownload, failedAttempt } from '../net/attempt';
import { isHttpStatusError } from '../net/http-fetch';
import type { HttpRequest, NetworkPort } from '../net/port';
import { ocspRequest } from './ocsp-request';
import { checkOcspResponse, type OcspVerdict } from './ocsp-verify';

export interface OcspAsk {
  cert: ChainCert;
  issuer: ChainCert;
  /** Certificates that may have signed the response (the rest of the path). */
  others: readonly ChainCert[];
  at: number;
  net: NetworkPort;
  signal?: AbortSignal;
}

const GET_LIMIT = 255;
const NONCE_BYTES = 32;

/** The verdict of the last answer (or why there is none), and every download made. Throws only CANCELLED. */
export async function askResponder(url: string, ask: OcspAsk): Promise<{ verdict: OcspVerdict; attempts: FetchAttemptDto[] }> {
  const nonce = randomBytes(NONCE_BYTES);
  const request = ocspRequest(ask.cert, ask.issuer, { nonce });
  const attempts: FetchAttemptDto[] = [];
  const getUrl = `${url.replace(/\/+$/, '')}/${encodeURIComponent(Buffer.from(request).toString('base64'))}`;
  const tries: HttpRequest[] = [];
  // A responder URL with a query cannot take the request as a path segment: POST only.
  if (!url.includes('?') && getUrl.length - url.length < GET_LIMIT) tries.push({ url: getUrl, method: 'GET', signal: ask.signal });
  tries.push({ url, method: 'POST', body: request, contentType: 'application/ocsp-request', signal: ask.signal });

  let verdict: OcspVerdict = noAnswer(url, 'The OCSP responder was not asked');
  for (const http of tries) {
    const how = http.method ?? 'GET';
    try {
      const response = await ask.net.http(http);
      verdict = checkOcspResponse(response.body, { cert: ask.cert, issuer: ask.issuer, at: ask.at, nonce, others: ask.others });
      verdict = { ...verdict, result: { ...verdict.result, url } };
      attempts.push({ kind: 'ocsp', url, ok: verdict.failure === null, detail: `${how}: ${describeDownload(response)}: ${summary(verdict.result)}` });
    } catch (e) {
      if (isPkiError(e) && e.code === 'CANCELLED') throw e;
      const failed = failedAttempt('ocsp', url, e);
      attempts.push({ ...failed, detail: `${how}: ${failed.detail}` });
      verdict = noAnswer(url, `The OCSP responder gave no answer: ${failed.detail}`);
      // A responder that is down, refuses or times out would do the same to a POST: do not wait twice.
      if (how === 'GET' && isHttpStatusError(e)) continue;
      break;
    }
    // A broken GET gateway is common; only an answer we could use ends the tries.
    if (verdict.failure !== 'malformed' && verdict.failure !== 'not-successful') break;
  }
  return { verdict, attempts };
}

function summary(r: RevocationDto): string {
  return r.status === 'unknown' && !/does not know/.test(r.detail) ? r.detail.replace(/\.$/, '') : r.status;
}

function noAnswer(url: string, detail: string): OcspVerdict {
  return { failure: 'malformed', result: { status: 'unknown', method: 'ocsp', revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url, detail: detail.endsWith('.') ? detail : `${detail}.` } };
}
