/**
 * The Inspector's chain verdict per open document: the doctor offline (no downloads, no revocation, no host
 * name, any purpose) on the document's own certificates and the system roots; cached per document.
 */
import type { ChainVerdictDto } from '../api/dto';
import { runDoctor } from '../pki/chain/doctor';
import { PkiError } from '../pki/errors';
import type { NetworkPort } from '../pki/net/port';
import type { Session } from './session';

/** The verdict never touches the network; a call would be a bug, said plainly. */
const OFFLINE: NetworkPort = {
  http: async () => {
    throw new PkiError('NETWORK', 'The quick chain verdict does not use the network.', 'Open the chain doctor to download issuers.');
  },
  tls: async () => {
    throw new PkiError('NETWORK', 'The quick chain verdict does not use the network.', 'Open the chain doctor to connect to a server.');
  },
};

export class ChainVerdicts {
  private readonly cache = new Map<string, ChainVerdictDto | null>();

  constructor(
    private readonly session: Session,
    private readonly now: () => Date,
  ) {}

  async verdicts(documentIds: readonly string[]): Promise<ChainVerdictDto[]> {
    const out: ChainVerdictDto[] = [];
    for (const id of documentIds) {
      const certs = this.session.collect({ documentIds: [id] }).filter((o) => o.raw.kind === 'certificate');
      // A document that was unlocked since holds more objects: its verdict is made again.
      const key = `${id}#${certs.length}`;
      if (!this.cache.has(key)) {
        const ders = certs.flatMap((o) => (o.raw.kind === 'certificate' ? [o.raw.der] : []));
        const roots = new Set(certs.filter((o) => o.row.selfSigned && o.row.isCA).map((o) => o.row.sha256));
        if (ders.length === 0) this.cache.set(key, null);
        // Several roots and nothing else: a CA bundle or trust store, not a chain to check.
        else if (roots.size > 1 && certs.every((o) => o.row.selfSigned && o.row.isCA)) this.cache.set(key, { documentId: id, valid: false, severity: 'info', message: `${roots.size} root certificates: a CA bundle or trust store, no chain to check`, code: null });
        else this.cache.set(key, await this.verdictOf(id, ders, certs.every((o) => o.row.isCA)));
      }
      const v = this.cache.get(key);
      if (v) out.push(v);
    }
    return out;
  }

  private async verdictOf(documentId: string, certs: Uint8Array[], onlyCas: boolean): Promise<ChainVerdictDto> {
    const report = await runDoctor({
      input: certs,
      systemRoots: true,
      hostName: null,
      at: this.now().getTime(),
      purpose: 'serverAuth',
      anyPurpose: true,
      fetchMissing: false,
      revocation: 'none',
      net: OFFLINE,
    });
    const main = report.problems.find((p) => p.severity === 'error') ?? report.problems.find((p) => p.severity === 'warning') ?? null;
    // A file of CA certificates only (a root to trust, a CA bundle) is not a broken chain: a note, not an error.
    const severity = !report.valid && onlyCas ? 'info' : report.verdict.severity;
    return { documentId, valid: report.valid, severity, message: report.verdict.message, code: main?.code ?? null };
  }
}
