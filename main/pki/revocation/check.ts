/**
 * Revocation for a whole path: stapled OCSP for the leaf, then OCSP from each certificate's AIA (GET for
 * small requests, POST), CRLs from its distribution points, as the mode asks; every download listed.
 *
 * 'ocsp' asks the responders and falls back to CRLs when none gives a trusted good/revoked; 'crl' reads
 * only CRLs; 'both' does both and a revoked from either wins. A few certificates are checked at a time.
 */
import type { FetchAttemptDto, RevocationDto, RevocationMode } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';
import type { NetworkPort } from '../net/port';
import { checkCrls } from './crl-check';
import { downloadCrl } from './crl-fetch';
import { crlUrls } from './crl-urls';
import { askResponder } from './ocsp-fetch';
import { checkOcspResponse } from './ocsp-verify';

export interface RevocationCheckOptions {
  mode: RevocationMode;
  at: number;
  net: NetworkPort;
  /** The OCSP response the server stapled, for the leaf. */
  stapled?: Uint8Array | null;
  signal?: AbortSignal;
}

export interface RevocationCheck {
  /** One per certificate of the path (leaf first); null for the anchor and when the mode is 'none'. */
  results: (RevocationDto | null)[];
  fetched: FetchAttemptDto[];
}

const CONCURRENCY = 3;

/**
 * `path` is leaf first, anchor last. Never throws for network trouble: that is an 'unknown' with its reason.
 * Throws CANCELLED when the signal aborts.
 */
export async function checkRevocation(path: readonly ChainCert[], options: RevocationCheckOptions): Promise<RevocationCheck> {
  const results: (RevocationDto | null)[] = path.map(() => null);
  if (options.mode === 'none' || path.length < 2) return { results, fetched: [] };
  const perCert: FetchAttemptDto[][] = path.map(() => []);
  // The last certificate is the anchor (or, on a path that stops short, one whose issuer is not known).
  const indexes = path.slice(0, -1).map((_, i) => i);
  await eachLimited(indexes, CONCURRENCY, async (i) => {
    results[i] = await checkOne(path, i, options, perCert[i]);
  });
  return { results, fetched: perCert.flat() };
}

async function checkOne(path: readonly ChainCert[], i: number, options: RevocationCheckOptions, fetched: FetchAttemptDto[]): Promise<RevocationDto> {
  const cert = path[i];
  const issuer = path[i + 1];
  const others = path.filter((_, j) => j !== i);
  const notes: string[] = [];
  const crl = () => crlVerdict(path, i, options, fetched);

  if (i === 0 && options.stapled) {
    const stapled = checkOcspResponse(options.stapled, { cert, issuer, at: options.at, others });
    const result: RevocationDto = { ...stapled.result, method: 'stapled-ocsp' };
    if (stapled.failure === null && result.status === 'revoked') return result;
    if (stapled.failure === null && result.status === 'good') return options.mode === 'both' ? combine(result, await crl()) : result;
    notes.push(`Stapled OCSP: ${result.detail}`);
  }

  let ocsp: RevocationDto | null = null;
  if (options.mode === 'ocsp' || options.mode === 'both') {
    ocsp = await ocspVerdict(cert, issuer, others, options, fetched);
    if (ocsp.status === 'revoked') return ocsp;
    if (ocsp.status === 'good') return options.mode === 'both' ? combine(ocsp, await crl()) : ocsp;
    notes.push(ocsp.detail);
  }
  // 'crl', 'both', or 'ocsp' when no responder gave a trusted good/revoked.
  const fromCrl = await crl();
  if (fromCrl.status === 'good' || fromCrl.status === 'revoked') return fromCrl;
  notes.push(fromCrl.detail);
  return { ...unknown(notes.map(sentence).join(' '), ocsp?.url ?? fromCrl.url), method: ocsp ? 'ocsp' : 'crl' };
}

/** A good OCSP answer and the CRL's: revoked on the CRL wins; otherwise the OCSP answer, noting the CRL. */
function combine(ocsp: RevocationDto, crl: RevocationDto): RevocationDto {
  if (crl.status === 'revoked') return crl;
  return crl.status === 'good' ? { ...ocsp, detail: `${ocsp.detail}; the CRL agrees.` } : ocsp;
}

async function ocspVerdict(cert: ChainCert, issuer: ChainCert, others: readonly ChainCert[], options: RevocationCheckOptions, fetched: FetchAttemptDto[]): Promise<RevocationDto> {
  const urls = cert.aia.ocsp.filter((u) => /^https?:/i.test(u));
  if (urls.length === 0) return unknown('The certificate names no OCSP responder.', null);
  let last: RevocationDto | null = null;
  for (const url of urls) {
    const { verdict, attempts } = await askResponder(url, { cert, issuer, others, at: options.at, net: options.net, signal: options.signal });
    fetched.push(...attempts);
    if (verdict.failure === null && verdict.result.status !== 'unknown') return verdict.result;
    last = verdict.result;
  }
  return last!;
}

async function crlVerdict(path: readonly ChainCert[], i: number, options: RevocationCheckOptions, fetched: FetchAttemptDto[]): Promise<RevocationDto> {
  const urls = crlUrls(path[i]);
  if (urls.length === 0) return unknown('The certificate names no CRL distribution point.', null);
  const crls: Uint8Array[] = [];
  let firstUrl: string | null = null;
  for (const url of urls) {
    const download = await downloadCrl(url, options.net, options.signal);
    fetched.push(download.attempt);
    if (download.crls.length) firstUrl ??= url;
    crls.push(...download.crls);
  }
  if (crls.length === 0) return unknown(`No CRL could be downloaded (${urls.join(', ')}).`, urls[0]);
  const result = checkCrls({ cert: path[i], issuer: path[i + 1], path, crls, at: options.at });
  return { ...result, url: result.url ?? firstUrl };
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function unknown(detail: string, url: string | null): RevocationDto {
  return { status: 'unknown', method: null, revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url, detail };
}

/** Runs `work` over `items`, at most `limit` at a time; the first rejection (CANCELLED) rejects the whole. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
