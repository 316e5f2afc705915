/**
 * Matching by public key across every open object: key ↔ certificate ↔ CSR ↔ public key, as one group per
 * public key (linear in the number of objects, however many share one key), and identical certificates,
 * CSRs and CRLs (same SHA-256) as copies of the first one opened.
 */
import { MATCHES_LISTED, type MatchGroupDto, type ObjectSummaryDto } from '../api/dto';

export interface Links {
  groups: MatchGroupDto[];
  /** Per group id: the fingerprints of its distinct certificates and CSRs (a key's CLI.md `matches`). */
  fingerprints: Map<string, { listed: string[]; count: number }>;
}

/** Fills matchGroup, hasPrivateKey and duplicateOf on every row (in place) and returns the groups. */
export function linkObjects(rows: Iterable<ObjectSummaryDto>): Links {
  const bySpki = new Map<string, ObjectSummaryDto[]>();
  const firstCopy = new Map<string, string>();
  for (const row of rows) {
    row.matchGroup = null;
    row.hasPrivateKey = false;
    row.duplicateOf = null;
    if (row.sha256 && (row.kind === 'certificate' || row.kind === 'csr' || row.kind === 'crl')) {
      const first = firstCopy.get(row.sha256);
      if (first) row.duplicateOf = first;
      else firstCopy.set(row.sha256, row.id);
    }
    if (!row.spkiSha256) continue;
    const members = bySpki.get(row.spkiSha256);
    if (members) members.push(row);
    else bySpki.set(row.spkiSha256, [row]);
  }
  const groups: MatchGroupDto[] = [];
  const fingerprints = new Map<string, { listed: string[]; count: number }>();
  for (const [spkiSha256, members] of bySpki) {
    if (members.length < 2) continue;
    const group: MatchGroupDto = { id: `key-${spkiSha256.slice(0, 16)}`, spkiSha256, members: [], certificates: 0, privateKeys: 0, csrs: 0, publicKeys: 0 };
    const distinct = new Set<string>();
    const listed: string[] = [];
    for (const m of members) {
      m.matchGroup = group.id;
      group.members.push(m.id);
      if (m.kind === 'privateKey') group.privateKeys++;
      else if (m.kind === 'publicKey') group.publicKeys++;
      else if ((m.kind === 'certificate' || m.kind === 'csr') && m.sha256 && !distinct.has(m.sha256)) {
        distinct.add(m.sha256);
        if (m.kind === 'certificate') group.certificates++;
        else group.csrs++;
        if (listed.length < MATCHES_LISTED) listed.push(m.sha256);
      }
    }
    if (group.privateKeys > 0) for (const m of members) if (m.kind === 'certificate' || m.kind === 'csr') m.hasPrivateKey = true;
    groups.push(group);
    fingerprints.set(group.id, { listed, count: distinct.size });
  }
  return { groups, fingerprints };
}
