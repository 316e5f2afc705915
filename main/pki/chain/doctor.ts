/**
 * The chain doctor: gathers certificates (files, the server, trust anchors, AIA downloads), builds and
 * validates every candidate path, checks revocation when asked, and diagnoses (diagnose.ts).
 */
import type { ChainPurpose, ChainReportDto, FetchAttemptDto, RevocationDto, RevocationMode, TlsDetailsDto } from '../../api/dto';
import { digest } from '../crypto';
import { hex } from '../der/der';
import { isPkiError, PkiError } from '../errors';
import { Slicer } from '../yield';
import { downloadIssuers } from '../net/aia';
import type { NetworkPort, TlsFetchResult, TlsTarget } from '../net/port';
import { checkRevocation } from '../revocation/check';
import { buildPaths, type BuildOptions } from './build';
import { chainCert, type ChainCert } from './chain-cert';
import { diagnose } from './diagnose';
import type { Diagnosed } from './diagnosed';
import { mergeGivenCrls } from './given-crls';
import { pickLeaf } from './leaf-pick';
import { choosePath } from './path-choice';
import { CertPool } from './pool';
import { systemRootsNamed, userTrust } from './trust-store';
import type { CandidatePath, PoolCert } from './types';

export interface DoctorInput {
  /** Certificates the user gave (files), DER, in the order given. */
  input: Uint8Array[];
  /** A live server to fetch the chain from. */
  endpoint?: TlsTarget | null;
  /** The user's own trust anchors (DER). */
  trust?: Uint8Array[];
  /** Extra certificates the builder may use without trusting them (DER). */
  untrusted?: Uint8Array[];
  /** CRLs the user gave (DER), used before any download. */
  crls?: Uint8Array[];
  systemRoots: boolean;
  /** Name to check the leaf against; null = none (default for files), the endpoint's host for servers. */
  hostName: string | null;
  at: number;
  purpose: ChainPurpose;
  /** Check no extended key usage at all (the Inspector's verdict on a file, whose purpose is unknown). */
  anyPurpose?: boolean;
  fetchMissing: boolean;
  revocation: RevocationMode;
  net: NetworkPort;
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, phase: string) => void;
}

/** The report without the workbench's ids (reportId; ChainCertDto.objectId is null here). */
export type DoctorReport = Omit<ChainReportDto, 'reportId'>;

/** Issuers downloaded one level at a time, at most this many levels up. */
const AIA_LEVELS = 4;

/** A server that cannot be reached is PkiError NETWORK; everything about the chain itself is in the report. */
export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const progress = input.onProgress ?? (() => {});
  const stopIfCancelled = () => {
    if (input.signal?.aborted) throw new PkiError('CANCELLED', 'The chain check was stopped.', 'Run it again when you are ready.');
  };
  stopIfCancelled();

  let tls: TlsFetchResult | null = null;
  let servedDer = input.input;
  if (input.endpoint) {
    progress(null, `Connecting to ${hostPort(input.endpoint)}`);
    tls = await input.net.tls({ ...input.endpoint, signal: input.signal });
    stopIfCancelled();
    servedDer = tls.served;
  }
  const fromServer = tls !== null;
  const slicer = new Slicer();
  const decodedServed = await decodeServed(servedDer, fromServer, slicer, stopIfCancelled);
  const served = decodedServed.certs;
  const inputProblems = decodedServed.problems;

  const base = {
    checkedAt: new Date(input.at).toISOString(),
    hostName: input.hostName,
    purpose: input.purpose,
    served: decodedServed.entries,
    tls: tls ? tlsDetails(tls) : null,
  };
  const leafIndex = pickLeaf(served, fromServer);
  if (leafIndex < 0) return noCertificate(base, fromServer, inputProblems);

  progress(null, 'Building the chain');
  const pool = new CertPool();
  const leaf: PoolCert = { cert: served[leafIndex], source: fromServer ? 'server' : 'input', trusted: false };
  for (const c of served) pool.add({ cert: c, source: leaf.source, trusted: false });
  // Beside a server, the files given are extra certificates the builder may use.
  for (const der of [...(fromServer ? input.input : []), ...(input.untrusted ?? [])]) {
    const c = tryDecode(der);
    if (c) pool.add({ cert: c, source: 'input', trusted: false });
  }
  for (const t of userTrust(input.trust ?? [])) pool.add(t);

  const options: BuildOptions = { at: input.at, purpose: input.anyPurpose ? null : input.purpose, hostName: input.hostName };
  const build = () => {
    // The system roots some certificate in the pool names as its issuer (again after each download).
    if (input.systemRoots) for (const r of systemRootsNamed(pool.entries().map((p) => p.cert.issuerKey))) pool.add(r);
    return buildPaths(pool.get(leaf.cert.sha256) ?? leaf, pool.entries(), options);
  };
  let paths = build();
  const fetched: FetchAttemptDto[] = [];
  if (input.fetchMissing) paths = await completeFromAia(paths, pool, build, fetched, input, progress, stopIfCancelled);
  const chosen = choosePath(paths);

  let revocation: (RevocationDto | null)[] | null = null;
  if (input.revocation !== 'none') {
    progress(null, 'Checking revocation');
    const check = await checkRevocation(
      paths[chosen].certs.map((p) => p.cert),
      { mode: input.revocation, at: input.at, net: input.net, stapled: tls?.stapledOcsp ?? null, signal: input.signal },
    );
    stopIfCancelled();
    revocation = check.results;
    fetched.push(...check.fetched);
  }
  revocation = mergeGivenCrls(paths[chosen].certs.map((p) => p.cert), input.crls ?? [], input.at, revocation);

  const diagnosis = diagnose({
    fromServer,
    served,
    paths,
    chosen,
    pool,
    revocation,
    at: input.at,
    hostName: input.hostName,
    purpose: input.purpose,
    fetchMissing: input.fetchMissing,
    fetched,
    systemRoots: input.systemRoots,
    inputProblems,
  });
  return { ...base, ...diagnosis, fetched };
}

/**
 * While the best path stops below a trust anchor, downloads its top certificate's AIA caIssuers (each URL once),
 * adds what came (source 'aia') and builds again.
 */
async function completeFromAia(
  initial: CandidatePath[],
  pool: CertPool,
  build: () => CandidatePath[],
  fetched: FetchAttemptDto[],
  input: DoctorInput,
  progress: (fraction: number | null, phase: string) => void,
  stopIfCancelled: () => void,
): Promise<CandidatePath[]> {
  let paths = initial;
  const tried = new Set<string>();
  for (let level = 0; level < AIA_LEVELS; level++) {
    const best = paths[choosePath(paths)];
    if (best.anchored) break;
    const top = best.certs[best.certs.length - 1].cert;
    if (top.selfIssued) break;
    const urls = top.aia.caIssuers.filter((u) => !tried.has(u));
    let added = false;
    for (const url of urls) {
      tried.add(url);
      progress(null, `Downloading the issuer from ${url}`);
      const download = await downloadIssuers(url, input.net, input.signal);
      stopIfCancelled();
      fetched.push(download.attempt);
      for (const der of download.certs) {
        const c = tryDecode(der);
        if (c && pool.add({ cert: c, source: 'aia', trusted: false, url })) added = true;
      }
      if (added) break;
    }
    if (!added) break;
    paths = build();
  }
  return paths;
}

interface DecodedServed {
  /** The certificates that could be read, in order (a repeated one is the same object). */
  certs: ChainCert[];
  /** One per certificate given, readable or not, for the report's `served`. */
  entries: DoctorReport['served'];
  problems: Diagnosed[];
}

/** Each distinct certificate decoded once (a bundle repeats its intermediate); the event loop given back now and then. */
async function decodeServed(ders: readonly Uint8Array[], fromServer: boolean, slicer: Slicer, stopIfCancelled: () => void): Promise<DecodedServed> {
  const out: DecodedServed = { certs: [], entries: [], problems: [] };
  const seen = new Map<string, ChainCert | PkiError>();
  for (let i = 0; i < ders.length; i++) {
    if (await slicer.tick()) stopIfCancelled();
    const sha256 = hex(digest('sha256', ders[i])).toUpperCase();
    let c = seen.get(sha256);
    if (!c) {
      try {
        c = chainCert(ders[i]);
      } catch (e) {
        if (!isPkiError(e)) throw e;
        c = e;
      }
      seen.set(sha256, c);
    }
    if (!(c instanceof PkiError)) {
      out.certs.push(c);
      out.entries.push({ sha256, subject: c.subject, issuer: c.issuer });
      continue;
    }
    out.entries.push({ sha256, subject: '(could not be read)', issuer: '' });
    const where = fromServer ? `Certificate ${i + 1} the server sent` : `Certificate ${i + 1} of the input`;
    out.problems.push({
      code: 'MALFORMED',
      severity: 'warning',
      certIndex: null,
      message: `${where} could not be read: ${c.message}`,
      fix: fromServer ? 'Replace it in the server\'s chain file with a good copy from the CA.' : 'Get a fresh copy of it from the CA.',
      headline: `${where} could not be read`,
    });
  }
  return out;
}

function tryDecode(der: Uint8Array): ChainCert | null {
  try {
    return chainCert(der);
  } catch (e) {
    if (isPkiError(e)) return null;
    throw e;
  }
}

function noCertificate(base: Pick<DoctorReport, 'checkedAt' | 'hostName' | 'purpose' | 'served' | 'tls'>, fromServer: boolean, inputProblems: Diagnosed[]): DoctorReport {
  const message = fromServer ? 'The server sent no certificate that could be read.' : 'There is no certificate to check in what was given.';
  const problems = [
    { code: 'NO_CERTIFICATE' as const, severity: 'error' as const, certIndex: null, message, fix: fromServer ? 'Check that the server has a certificate configured for this name and port.' : 'Give a file that holds the certificate (PEM, DER, P7B or PFX).' },
    ...inputProblems.map(({ headline: _headline, ...p }) => p),
  ];
  return { ...base, valid: false, verdict: { severity: 'error', message: message.replace(/\.$/, '') }, chain: [], alternatives: [], problems, fixedChainPem: null, fixes: [], fetched: [] };
}

function tlsDetails(t: TlsFetchResult): TlsDetailsDto {
  return {
    host: t.host,
    port: t.port,
    address: t.address,
    servername: t.servername,
    starttls: t.starttls,
    protocol: t.protocol,
    cipher: t.cipher,
    keyExchange: t.keyExchange,
    alpn: t.alpn,
    stapledOcsp: t.stapledOcsp !== null,
    clientCertificate: t.clientCertificate,
    durationMs: t.durationMs,
    notes: t.notes,
  };
}

const hostPort = (t: TlsTarget) => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`);
