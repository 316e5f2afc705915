/**
 * What the user can do next with what they look at: each next step opens the Convert wizard prefilled, the
 * Keystores page with the objects to add, New CSR with the key chosen, or the Chain doctor. The chain that goes with a certificate is found by name here
 * (issuer → subject among the open certificates); main orders and checks it by signature.
 */
import type { DocumentDto, MatchGroupDto, ObjectSummaryDto as RowData } from '../../../main/api/dto';
import type { PageIntent } from '../../frame/navigation';

export interface NextStep {
  id: string;
  label: string;
  intent: PageIntent;
}

export interface NextStepContext {
  byId: ReadonlyMap<string, RowData>;
  groups: ReadonlyMap<string, MatchGroupDto>;
  /** Open certificates (first copies) by subject. */
  bySubject: ReadonlyMap<string, readonly RowData[]>;
}

/** Longer than any real chain; a loop of cross-signed names stops here. */
const MAX_CHAIN = 12;

export function certificatesBySubject(rows: Iterable<RowData>): Map<string, RowData[]> {
  const out = new Map<string, RowData[]>();
  for (const r of rows) {
    if (r.kind !== 'certificate' || r.duplicateOf || !r.subject) continue;
    const list = out.get(r.subject);
    if (list) list.push(r);
    else out.set(r.subject, [r]);
  }
  return out;
}

/** The certificate and its issuers by name, leaf first; an issuer in the same file is preferred. */
export function chainByName(leaf: RowData, bySubject: NextStepContext['bySubject']): string[] {
  const ids = [leaf.id];
  let current = leaf;
  while (!current.selfSigned && current.issuer && ids.length < MAX_CHAIN) {
    const candidates = (bySubject.get(current.issuer) ?? []).filter((c) => !ids.includes(c.id));
    const issuer = candidates.find((c) => c.documentId === leaf.documentId) ?? candidates[0];
    if (!issuer) break;
    ids.push(issuer.id);
    current = issuer;
  }
  return ids;
}

function members(row: RowData, ctx: NextStepContext, kind: RowData['kind']): RowData[] {
  const group = row.matchGroup ? ctx.groups.get(row.matchGroup) : undefined;
  if (!group) return [];
  return group.members.map((id) => ctx.byId.get(id)).filter((r): r is RowData => r !== undefined && r.id !== row.id && r.kind === kind && !r.duplicateOf);
}

const convert = (objectIds: string[], target: NonNullable<Extract<PageIntent, { page: 'convert' }>['target']>, options?: Extract<PageIntent, { page: 'convert' }>['options']): PageIntent => ({
  page: 'convert',
  source: { objectIds },
  target,
  ...(options ? { options } : {}),
});

export function objectNextSteps(row: RowData, ctx: NextStepContext): NextStep[] {
  if (row.kind === 'certificate') {
    const chain = chainByName(row, ctx.bySubject);
    const key = row.hasPrivateKey ? members(row, ctx, 'privateKey')[0] : undefined;
    return [
      { id: 'save-certificate', label: 'Save certificate…', intent: convert([row.id], 'der') },
      { id: 'save-chain', label: 'Save chain / fullchain…', intent: convert(chain, 'fullchain') },
      { id: 'export-pfx', label: 'Export as PFX…', intent: convert(key ? [...chain, key.id] : chain, 'pfx', { profile: 'modern' }) },
      { id: 'add-to-keystore', label: 'Add to a keystore…', intent: { page: 'keystores', trustedObjectIds: [row.id] } },
      // The open issuers by name go with it: the doctor uses them, downloads or trusts what is missing.
      { id: 'check-chain', label: 'Check chain…', intent: { page: 'chain', objectIds: chain } },
    ];
  }
  if (row.kind === 'privateKey') {
    const certs = members(row, ctx, 'certificate');
    const cert = certs.find((c) => !c.isCA) ?? certs[0];
    const steps: NextStep[] = [{ id: 'export-key', label: 'Export key… (encrypted)', intent: convert([row.id], 'pkcs8', { noKeyEncryption: false }) }];
    if (cert) {
      steps.push({ id: 'export-pfx', label: 'Export as PFX with its certificate…', intent: convert([row.id, ...chainByName(cert, ctx.bySubject)], 'pfx', { profile: 'modern' }) });
      steps.push({ id: 'add-to-keystore', label: 'Add to a keystore with its certificate…', intent: { page: 'keystores', keyObjectId: row.id } });
    }
    steps.push({ id: 'make-csr', label: 'Make a CSR for this key…', intent: { page: 'csr', keyObjectId: row.id } });
    return steps;
  }
  return [];
}

export function documentNextSteps(doc: DocumentDto): NextStep[] {
  if (doc.status === 'error') return [];
  const steps: NextStep[] = [{ id: 'convert', label: 'Convert…', intent: { page: 'convert', source: { documentIds: [doc.id] } } }];
  const keystoreLike = doc.status === 'locked' || doc.objects.some((o) => o.kind === 'certificate' || o.kind === 'privateKey');
  if (keystoreLike) steps.push({ id: 'open-keystore', label: 'Open as keystore…', intent: { page: 'keystores', documentId: doc.id } });
  if (doc.objects.some((o) => o.kind === 'certificate')) steps.push({ id: 'check-chain', label: 'Check chain…', intent: { page: 'chain', documentIds: [doc.id] } });
  return steps;
}
