/**
 * csr.caReply, "I got my certificate back": the reply's certificate whose public key belongs to a private key
 * open anywhere in the workbench is the leaf; its chain is ordered by signature over the reply and every open
 * certificate; what would make a server or client fail (a missing intermediate, expiry, a CA as leaf) is said.
 */
import type { CaReplyDto, PlannedCertDto, ProblemDto } from '../api/dto';
import { orderChain } from '../pki/chain-order';
import { digest } from '../pki/crypto';
import { hex, timeOf, whole } from '../pki/der/der';
import { PkiError } from '../pki/errors';
import { keyMatchesCertificate } from '../pki/keys/key-matches';
import { certificateFields } from '../pki/x509/certificate';
import { readName } from '../pki/x509/name';
import { NOT_SAVED } from './csr-create';
import type { CollectedObject, Session } from './session';

export interface CaReplyRequest {
  objectIds?: string[];
  documentIds?: string[];
}

type Cert = CollectedObject & { raw: { kind: 'certificate'; der: Uint8Array } };
type Key = CollectedObject & { raw: { kind: 'privateKey'; pkcs8: Uint8Array } };

export function caReply(session: Session, request: CaReplyRequest, now: Date = new Date()): CaReplyDto {
  const reply = session.collect(request).filter(isCertificate);
  if (reply.length === 0) throw new PkiError('INVALID_ARGUMENT', 'The reply holds no certificate.', 'Open the file the CA sent (PEM, DER or P7B) and choose it as the reply.');
  const everything = session.collect({ documentIds: session.state().documents.map((d) => d.id) });
  const keys = everything.filter(isPrivateKey);
  const found = leafAndKey(reply, keys);
  if (!found) throw noMatchingKey(reply);
  const { leaf, key } = found;

  // The reply's own objects name the chain first; any other open copy serves a certificate the reply lacks.
  const byHash = new Map<string, Cert>();
  for (const c of [...reply, ...everything.filter(isCertificate)]) if (!byHash.has(hashOf(c.raw.der))) byHash.set(hashOf(c.raw.der), c);
  const ordered = orderChain([...byHash.values()].map((c) => c.raw.der), { leafSpki: spkiOf(leaf), explainLeftOut: false });
  const chain = ordered.chain.map((link) => ({ link, object: byHash.get(hashOf(link.der))! }));
  const problems = chainProblems(chain.map((c) => ({ der: c.link.der, role: c.link.role, label: c.object.row.label, isCA: c.object.row.isCA })), now);
  for (const w of ordered.warnings) problems.push({ code: 'CHAIN_ORDER', severity: 'warning', message: w });

  const dto: PlannedCertDto[] = chain.map(({ link, object }) => ({ objectId: object.id, label: object.row.label, subject: object.row.subject ?? '', role: link.role, notAfter: object.row.notAfter }));
  return {
    keyObjectId: key.id,
    keyLabel: session.documentFile(key.documentId).name,
    chain: dto,
    problems,
    objectIds: [key.id, ...dto.map((c) => c.objectId)],
  };
}

/** The reply certificate a held key belongs to: by public key digest first, confirmed by the key itself. */
function leafAndKey(reply: Cert[], keys: Key[]): { leaf: Cert; key: Key } | null {
  const candidates: { leaf: Cert; key: Key }[] = [];
  for (const leaf of reply) {
    for (const key of keys) {
      if (leaf.row.spkiSha256 && key.row.spkiSha256 && leaf.row.spkiSha256 !== key.row.spkiSha256) continue;
      let matches = false;
      try {
        matches = keyMatchesCertificate(key.raw.pkcs8, leaf.raw.der);
      } catch {
        // A key Certbench cannot use matches nothing.
      }
      if (matches) {
        candidates.push({ leaf, key });
        break;
      }
    }
  }
  // A reply that carries a CA's key too (a lab PKI): the end-entity certificate is the leaf.
  return candidates.find((c) => !c.leaf.row.isCA) ?? candidates[0] ?? null;
}

function noMatchingKey(reply: Cert[]): PkiError {
  const leaf = reply.find((c) => !c.row.isCA) ?? reply[0];
  const cn = /(?:^|,)CN=((?:\\.|[^,\\])*)/.exec(leaf.row.subject ?? '')?.[1]?.replace(/\\(.)/g, '$1') ?? leaf.row.label;
  return new PkiError(
    'NO_MATCHING_KEY',
    `No private key open in the workbench belongs to the certificate for ${cn}.`,
    `Open the key you made the CSR with, or make the CSR again: the workbench document '${cn}${NOT_SAVED}' was closed and its key is gone unless you saved it.`,
  );
}

/** What will make the chain fail: no path to a self-signed root, expiry, a CA certificate as the leaf. */
export function chainProblems(chain: { der: Uint8Array; role: PlannedCertDto['role']; label: string; isCA: boolean }[], now: Date): ProblemDto[] {
  const problems: ProblemDto[] = [];
  const last = chain[chain.length - 1];
  if (last && last.role !== 'root') {
    const fields = certificateFields(last.der);
    const issuer = readName(fields.issuer).text || 'an unnamed issuer';
    problems.push({
      code: 'MISSING_INTERMEDIATE',
      severity: 'warning',
      message: `The chain stops at ${last.label}: the certificate of its issuer, ${issuer}, is not open. Open the CA's intermediate (and root) certificates with the reply, or clients may not trust it.`,
    });
  }
  for (const c of chain) {
    const [notBefore, notAfter] = certificateFields(c.der).validity.map(timeOf);
    if (notAfter.getTime() < now.getTime()) problems.push({ code: 'EXPIRED', severity: 'error', message: `${c.label} expired on ${day(notAfter)}.` });
    else if (notBefore.getTime() > now.getTime()) problems.push({ code: 'NOT_YET_VALID', severity: 'warning', message: `${c.label} is not valid until ${day(notBefore)}.` });
  }
  const leaf = chain[0];
  if (leaf?.isCA) problems.push({ code: 'LEAF_IS_CA', severity: 'warning', message: `${leaf.label} is a CA certificate, not a server or client certificate: servers and clients expect an end-entity certificate.` });
  return problems;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const hashOf = (der: Uint8Array) => hex(digest('sha256', der));
const spkiOf = (c: Cert) => whole(certificateFields(c.raw.der).spki);
const isCertificate = (o: CollectedObject): o is Cert => o.raw.kind === 'certificate';
const isPrivateKey = (o: CollectedObject): o is Key => o.raw.kind === 'privateKey';
