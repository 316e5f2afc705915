/** The Chain doctor's words: where a certificate came from, revocation answers, the TLS handshake, downloads. */
import type { ChainCertDto, ChainCertSource, FetchAttemptDto, RevocationDto, TlsDetailsDto } from '../../../main/api/dto';
import { formatDate } from '../inspect/words';
import type { ExpiryFacts } from '../inspect/words';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export const SOURCE_WORDS: Record<ChainCertSource, string> = {
  server: 'Server',
  input: 'File',
  aia: 'AIA download',
  'trust-store': 'Trust store',
};

export const SOURCE_HELP: Record<ChainCertSource, string> = {
  server: 'The server sent this certificate.',
  input: 'From a file you gave.',
  aia: 'Not sent by the server: downloaded from the address in the certificate below it (AIA caIssuers).',
  'trust-store': 'A trusted root from the trust store or one of your trust files.',
};

/** The badge of a certificate: a root from the user's own trust file says so, not just "File". */
export function sourceWords(c: Pick<ChainCertDto, 'source' | 'trusted'>): string {
  return c.source === 'input' && c.trusted ? 'Trust file' : SOURCE_WORDS[c.source];
}

export const ROLE_WORDS: Record<ChainCertDto['role'], string> = { leaf: 'Leaf', intermediate: 'Intermediate', root: 'Root' };

export const STATUS_TONE: Record<ChainCertDto['status'], Tone> = { ok: 'success', warning: 'warning', error: 'error' };

/** The CN of an RFC 4514 name, or the whole name when it has none. */
export function cnOf(name: string): string {
  const m = /(?:^|,)\s*CN=((?:\\.|[^,\\])*)/i.exec(name);
  return m ? m[1]!.replace(/\\(.)/g, '$1').trim() : name;
}

/** A chain certificate's dates in the shape the Inspector's expiry chip reads, counted at the time checked. */
export function expiryFactsOf(c: ChainCertDto, checkedAt: string): ExpiryFacts {
  const at = Date.parse(checkedAt);
  const validity = Date.parse(c.notBefore) > at ? 'not-yet-valid' : c.daysLeft < 0 || Date.parse(c.notAfter) < at ? 'expired' : 'valid';
  return { notBefore: c.notBefore, notAfter: c.notAfter, daysLeft: c.daysLeft, validity };
}

export function revocationWords(r: RevocationDto | null): string {
  if (!r || r.status === 'not-checked') return 'Revocation not checked';
  const how = r.method === 'stapled-ocsp' ? 'stapled OCSP' : r.method === 'ocsp' ? 'OCSP' : r.method === 'crl' ? 'CRL' : null;
  const by = how ? ` (${how})` : '';
  switch (r.status) {
    case 'good':
      return `Not revoked${by}`;
    case 'revoked':
      return `Revoked${r.revokedAt ? ` on ${formatDate(r.revokedAt)}` : ''}${r.reason ? `: ${r.reason}` : ''}${by}`;
    case 'unknown':
      return `Revocation unknown${by}`;
  }
}

export function revocationTone(r: RevocationDto | null): Tone {
  if (!r || r.status === 'not-checked') return 'info';
  return r.status === 'good' ? 'success' : r.status === 'revoked' ? 'error' : 'warning';
}

/** "Asks for a client certificate from one of 2 CAs", for the TLS panel. */
export function clientCertWords(c: TlsDetailsDto['clientCertificate']): string {
  if (!c.requested) return 'Not requested';
  if (c.acceptedIssuers === null) return 'Requested (which CAs it accepts is not known)';
  if (c.acceptedIssuers.length === 0) return 'Requested, from any CA';
  return `Requested, from ${c.acceptedIssuers.length === 1 ? 'this CA' : `one of these ${c.acceptedIssuers.length} CAs`}`;
}

export const FETCH_KIND_WORDS: Record<FetchAttemptDto['kind'], string> = { aia: 'Issuer (AIA)', ocsp: 'OCSP', crl: 'CRL' };

/** "127.0.0.1:8443", "[::1]:443". */
export function endpointWords(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The default name for the fixed chain file: the leaf's CN made safe for a file name. */
export function fixedChainFileName(leafSubject: string | null): string {
  const cn = leafSubject ? cnOf(leafSubject) : '';
  const safe = cn
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${safe || 'server'}-fullchain.pem`;
}
