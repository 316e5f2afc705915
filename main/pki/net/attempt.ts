/** The words of a FetchAttemptDto: "200, 1,322 bytes, application/pkix-cert" or the NETWORK error's message. */
import type { FetchAttemptDto } from '../../api/dto';
import { isPkiError } from '../errors';
import type { HttpResponse } from './port';

export function describeDownload(response: HttpResponse): string {
  const type = response.contentType ? `, ${response.contentType.split(';')[0].trim()}` : '';
  return `${response.status}, ${response.body.length.toLocaleString('en-US')} bytes${type}`;
}

export function failedAttempt(kind: FetchAttemptDto['kind'], url: string, e: unknown): FetchAttemptDto {
  return { kind, url, ok: false, detail: isPkiError(e) ? e.message : `Download failed: ${e instanceof Error ? e.message : String(e)}` };
}
