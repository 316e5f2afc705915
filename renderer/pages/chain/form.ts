/**
 * The Chain doctor's form: a server and/or files to check, trust files, and the advanced options; and the
 * chain.check request it stands for, or why it cannot be sent yet.
 */
import type { ChainCheckRequest, ChainPurpose, RevocationMode, StarttlsProtocol } from '../../../main/api/dto';
import { parseTarget } from './target';

export interface ChainForm {
  /** The server field as typed ("shop.example.com", "127.0.0.1:8443"); empty when checking files only. */
  target: string;
  /** SNI to send instead of the host ('' = the host's name). */
  servername: string;
  /** '' = none, or what the address's scheme says (smtp://). */
  starttls: StarttlsProtocol | '';
  /** The name to check the leaf against ('' = the server's host; none for files). */
  hostName: string;
  purpose: ChainPurpose;
  /** Validate at this moment (a datetime-local value or ISO 8601); '' = now. */
  at: string;
  fetchMissing: boolean;
  revocation: RevocationMode;
  systemRoots: boolean;
  /** Open documents whose certificates are checked (leaf and chain as given), in order. */
  inputDocumentIds: string[];
  /** Single certificates from open documents (the Inspector's "Check chain"). */
  inputObjectIds: string[];
  /** Open documents whose certificates are trusted as roots. */
  trustDocumentIds: string[];
}

export const INITIAL_FORM: ChainForm = {
  target: '',
  servername: '',
  starttls: '',
  hostName: '',
  purpose: 'serverAuth',
  at: '',
  fetchMissing: true,
  revocation: 'none',
  systemRoots: true,
  inputDocumentIds: [],
  inputObjectIds: [],
  trustDocumentIds: [],
};

export type FormOutcome = { request: ChainCheckRequest; blocker: null } | { request: null; blocker: string };

const blocked = (blocker: string): FormOutcome => ({ request: null, blocker });

/** The moment to validate at as ISO 8601, or null when the text is not a date. */
export function atInstant(text: string): string | null {
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The request the form stands for. `open` holds the ids of the documents and objects still open (a file closed
 * in Inspect meanwhile is dropped, not sent).
 */
export function requestOf(form: ChainForm, open: { documents: ReadonlySet<string>; objects: ReadonlySet<string> }): FormOutcome {
  const documentIds = form.inputDocumentIds.filter((id) => open.documents.has(id));
  const objectIds = form.inputObjectIds.filter((id) => open.objects.has(id));
  const trustDocumentIds = form.trustDocumentIds.filter((id) => open.documents.has(id));
  const request: ChainCheckRequest = {};
  if (form.target.trim() !== '') {
    const target = parseTarget(form.target);
    if (!target.ok) return blocked(target.message);
    const starttls = form.starttls || target.starttls;
    request.endpoint = { host: target.host, port: target.port, ...(form.servername.trim() ? { servername: form.servername.trim() } : {}), ...(starttls ? { starttls } : {}) };
  } else if (documentIds.length === 0 && objectIds.length === 0) {
    return blocked('Type a server (host or host:port), or open the certificate files to check.');
  }
  if (documentIds.length) request.documentIds = documentIds;
  if (objectIds.length) request.objectIds = objectIds;
  if (trustDocumentIds.length) request.trustDocumentIds = trustDocumentIds;
  if (!form.systemRoots && trustDocumentIds.length === 0) return blocked('Without the system roots, add a trust file: the root certificates you trust.');
  request.systemRoots = form.systemRoots;
  if (form.hostName.trim()) request.hostName = form.hostName.trim();
  if (form.at.trim()) {
    const at = atInstant(form.at);
    if (!at) return blocked(`“${form.at}” is not a date and time to validate at.`);
    request.at = at;
  }
  request.purpose = form.purpose;
  request.fetchMissing = form.fetchMissing;
  request.revocation = form.revocation;
  return { request, blocker: null };
}

/** Adds ids to a list once each, keeping the order they came in. */
export function withIds(list: readonly string[], ids: readonly string[]): string[] {
  return [...list, ...ids.filter((id, i) => !list.includes(id) && ids.indexOf(id) === i)];
}
