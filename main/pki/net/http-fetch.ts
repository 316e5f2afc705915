/**
 * HTTP(S) GET/POST for AIA, OCSP and CRL downloads: http and https only, a timeout for the whole exchange,
 * a size cap while reading, a few redirects, NETWORK errors in plain words.
 * STUB (owner: chain-ocsp).
 */
import { PkiError } from '../errors';
import type { HttpRequest, HttpResponse } from './port';

export async function httpFetch(request: HttpRequest): Promise<HttpResponse> {
  throw new PkiError('NETWORK', `Downloading ${request.url} is not built yet.`, 'Try again with a newer Certbench.');
}
