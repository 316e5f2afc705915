/**
 * The compact row the list works on, shaped like the contract's ObjectSummaryDto (the fields the list,
 * its search and its filters read). Until main sends summaries, they are derived here from full objects.
 */
import type { ObjectDto, ObjectKind, ProblemDto } from '../../../main/api/dto';
import { objectLabel } from './words';

export interface RowData {
  id: string;
  documentId: string;
  /** Position in the file, 0-based. */
  index: number;
  kind: ObjectKind;
  alias: string | null;
  location: string | null;
  label: string;
  subject: string | null;
  issuer: string | null;
  serial: string | null;
  san: string[];
  sha256: string | null;
  spkiSha256: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  validity: 'valid' | 'expired' | 'not-yet-valid' | 'invalid-time' | null;
  isCA: boolean;
  selfSigned: boolean;
  encrypted: boolean;
  hasPrivateKey: boolean;
  /** Ids of other open objects with the same public key. */
  matchIds: string[];
  /** Id of the first open copy of the same certificate/CSR/CRL, when this is a repeat. */
  duplicateOf: string | null;
  problems: ProblemDto[];
  errorCode: string | null;
}

export function rowOf(o: ObjectDto, documentId: string, index: number, firstCopy: Map<string, string>): RowData {
  const sha256 = o.kind === 'certificate' || o.kind === 'csr' || o.kind === 'crl' ? o.sha256 : null;
  let duplicateOf: string | null = null;
  if (sha256) {
    const first = firstCopy.get(`${o.kind}:${sha256}`);
    if (first) duplicateOf = first;
    else firstCopy.set(`${o.kind}:${sha256}`, o.id);
  }
  const cert = o.kind === 'certificate' ? o : null;
  return {
    id: o.id,
    documentId,
    index,
    kind: o.kind,
    alias: o.alias,
    location: o.location,
    label: objectLabel(o),
    subject: o.kind === 'certificate' || o.kind === 'csr' ? o.subject : null,
    issuer: o.kind === 'certificate' || o.kind === 'crl' ? o.issuer : null,
    serial: cert?.serial ?? null,
    san: o.kind === 'certificate' || o.kind === 'csr' ? o.san : [],
    sha256,
    spkiSha256: 'spkiSha256' in o ? o.spkiSha256 : null,
    notAfter: cert?.notAfter ?? null,
    daysLeft: cert?.daysLeft ?? null,
    validity: cert?.validity ?? null,
    isCA: cert?.isCA ?? false,
    selfSigned: cert?.selfSigned ?? false,
    encrypted: o.kind === 'privateKey' && o.encrypted,
    hasPrivateKey: o.kind === 'certificate' || o.kind === 'csr' ? o.hasPrivateKey : false,
    matchIds: o.matchIds,
    duplicateOf,
    problems: o.problems,
    errorCode: o.kind === 'unsupported' ? o.error.code : null,
  };
}
