/**
 * What a chain check takes from the open documents: certificates (DER) in the order the request names
 * documents and objects, CRLs beside them; trust files and extra certificates the same way.
 */
import type { ChainCheckRequest } from '../api/dto';
import type { Session } from './session';

export interface ChainInputs {
  input: Uint8Array[];
  crls: Uint8Array[];
  trust: Uint8Array[];
  untrusted: Uint8Array[];
}

export function chainInputs(session: Session, request: ChainCheckRequest): ChainInputs {
  const input: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  // One at a time, so the order is the request's, not the order the documents were opened in.
  const sources = [...(request.documentIds ?? []).map((id) => ({ documentIds: [id] })), ...(request.objectIds ?? []).map((id) => ({ objectIds: [id] }))];
  for (const source of sources) {
    for (const o of session.collect(source)) {
      if (o.raw.kind === 'certificate') input.push(o.raw.der);
      else if (o.raw.kind === 'crl') crls.push(o.raw.der);
    }
  }
  return { input, crls, trust: certificatesOf(session, request.trustDocumentIds), untrusted: certificatesOf(session, request.untrustedDocumentIds) };
}

export function certificatesOf(session: Session, documentIds: readonly string[] | undefined): Uint8Array[] {
  if (!documentIds?.length) return [];
  return session.collect({ documentIds }).flatMap((o) => (o.raw.kind === 'certificate' ? [o.raw.der] : []));
}
