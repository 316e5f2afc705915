/**
 * The builder's pool, one entry per certificate (by SHA-256): the same root sent by the server and found in
 * the trust store is one certificate that is trusted, coming from the server, also from the trust store.
 */
import type { ChainCertSource } from '../../api/dto';
import type { PoolCert } from './types';

interface Entry {
  cert: PoolCert;
  sources: ChainCertSource[];
}

export class CertPool {
  private readonly bySha = new Map<string, Entry>();

  /** Adds a certificate; false when it was already in the pool (its source and trust are merged in). */
  add(pc: PoolCert): boolean {
    const had = this.bySha.get(pc.cert.sha256);
    if (!had) {
      this.bySha.set(pc.cert.sha256, { cert: pc, sources: [pc.source] });
      return true;
    }
    if (!had.sources.includes(pc.source)) had.sources.push(pc.source);
    // Copies, never edits: systemRoots() entries are shared by every check in the process.
    if (pc.trusted && !had.cert.trusted) had.cert = { ...had.cert, trusted: true };
    if (pc.url && !had.cert.url) had.cert = { ...had.cert, url: pc.url };
    return false;
  }

  get(sha256: string): PoolCert | undefined {
    return this.bySha.get(sha256)?.cert;
  }

  has(sha256: string): boolean {
    return this.bySha.has(sha256);
  }

  /** Where else the certificate was found, beside its first source. */
  alsoFrom(sha256: string): ChainCertSource[] {
    return this.bySha.get(sha256)?.sources.slice(1) ?? [];
  }

  entries(): PoolCert[] {
    return [...this.bySha.values()].map((e) => e.cert);
  }
}
