/**
 * A cheap chain verdict for one file, by names alone (no signatures): is every issuer here, in order?
 * The chain doctor builds and verifies real chains; this only keeps a fullchain without its intermediate
 * from looking green.
 */
import type { ChainHintDto, ObjectSummaryDto } from '../api/dto';
import { countText } from './count-text';

export function chainHint(rows: readonly ObjectSummaryDto[]): ChainHintDto | null {
  const seen = new Set<string>();
  const certs = rows.filter((r) => r.kind === 'certificate' && r.subject !== null && r.sha256 !== null && !seen.has(r.sha256) && seen.add(r.sha256));
  if (certs.length === 0) return null;
  const bySubject = new Map<string, ObjectSummaryDto>();
  for (const c of certs) if (!bySubject.has(c.subject!)) bySubject.set(c.subject!, c);
  const issuerOf = (c: ObjectSummaryDto) => (c.selfSigned ? undefined : bySubject.get(c.issuer ?? ''));
  const issuers = new Set<ObjectSummaryDto>();
  for (const c of certs) {
    const parent = issuerOf(c);
    if (parent && parent !== c) issuers.add(parent);
  }
  const leaves = certs.filter((c) => !issuers.has(c));

  if (certs.length === 1) {
    const c = certs[0];
    if (c.selfSigned) return { severity: 'info', message: c.isCA ? 'A root certificate on its own.' : 'A self-signed certificate on its own.' };
    return { severity: 'info', message: `Only this certificate: its issuer (${cn(c.issuer)}) is not in this file; if that issuer is an intermediate CA, a server must send it too.` };
  }
  if (leaves.every((c) => c.selfSigned && c.isCA)) return { severity: 'info', message: `${count(certs.length, 'root certificate')}: a CA bundle or trust store.` };

  const chains = leaves.filter((c) => !c.selfSigned).map((leaf) => walk(leaf, issuerOf));
  const broken = chains.filter((ch) => ch.length === 1);
  if (leaves.length === 1 || chains.length === 1) {
    const chain = chains[0] ?? walk(leaves[0], issuerOf);
    const leaf = chain[0];
    if (chain.length === 1) return { severity: 'warning', message: `The issuer of ${leaf.label} (${cn(leaf.issuer)}) is not in this file; a server sending this file leaves its clients without the intermediate.` };
    const extra = certs.length - chain.length;
    const top = chain[chain.length - 1];
    const inOrder = chain.every((c, i) => i === 0 || c.index > chain[i - 1].index);
    const shape = describe(chain);
    if (!inOrder) return { severity: 'warning', message: `${shape}, but not in order: a server should send the leaf first, then each issuer.` };
    if (extra > 0) return { severity: 'warning', message: `${shape}; ${count(extra, 'other certificate')} not part of this chain.` };
    return { severity: 'success', message: top.selfSigned ? `${shape}, all in this file.` : `${shape}; the root (${cn(top.issuer)}) is not in this file, as servers send it.` };
  }
  if (broken.length > 0) {
    const missing = new Set(broken.map((ch) => ch[0].issuer));
    const whose = missing.size === 1 ? ` (${cn(broken[0][0].issuer)})` : '';
    return { severity: 'warning', message: `The issuer${whose} of ${countText(broken.length)} of ${count(chains.length, 'leaf certificate')} is not in this file.` };
  }
  return { severity: 'success', message: `${count(chains.length, 'chain')}, each issuer in this file.` };
}

function walk(leaf: ObjectSummaryDto, issuerOf: (c: ObjectSummaryDto) => ObjectSummaryDto | undefined): ObjectSummaryDto[] {
  const chain = [leaf];
  const visited = new Set([leaf]);
  for (let parent = issuerOf(leaf); parent && !visited.has(parent); parent = issuerOf(parent)) {
    chain.push(parent);
    visited.add(parent);
  }
  return chain;
}

function describe(chain: ObjectSummaryDto[]): string {
  const top = chain[chain.length - 1];
  const intermediates = chain.length - 1 - (top.selfSigned ? 1 : 0);
  const parts = ['Leaf', ...(intermediates > 0 ? [count(intermediates, 'intermediate')] : []), ...(top.selfSigned ? ['root'] : [])];
  return parts.join(' → ');
}

function cn(name: string | null): string {
  if (!name) return 'unknown';
  const m = /(?:^|,)CN=((?:\\.|[^,+])*)/.exec(name);
  return m ? `CN=${m[1]}` : name;
}

function count(n: number, word: string): string {
  return `${countText(n)} ${word}${n === 1 ? '' : 's'}`;
}
