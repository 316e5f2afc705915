/** Matching by public key across every open object: key ↔ certificate ↔ CSR ↔ public key. */
import type { ObjectDto } from '../api/dto';

type Keyed = Extract<ObjectDto, { spkiSha256: string }>;

const hasKey = (o: ObjectDto): o is Keyed => 'spkiSha256' in o;

/** Fills matchIds, matches (CLI.md: fingerprints of the certificates and CSRs a key belongs to) and hasPrivateKey. */
export function linkByPublicKey(objects: ObjectDto[]): void {
  const bySpki = new Map<string, Keyed[]>();
  for (const o of objects) {
    if (!hasKey(o)) continue;
    const list = bySpki.get(o.spkiSha256);
    if (list) list.push(o);
    else bySpki.set(o.spkiSha256, [o]);
  }
  for (const group of bySpki.values()) {
    const withPrivate = group.some((o) => o.kind === 'privateKey');
    const fingerprints = group.filter((o) => o.kind === 'certificate' || o.kind === 'csr').map((o) => (o as { sha256: string }).sha256);
    for (const o of group) {
      o.matchIds = group.filter((p) => p !== o).map((p) => p.id);
      o.matches = fingerprints.filter((f) => f !== (o as { sha256?: string }).sha256);
      if (o.kind === 'certificate' || o.kind === 'csr') o.hasPrivateKey = withPrivate;
    }
  }
}
