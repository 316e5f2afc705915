/**
 * The Save step: how the key is kept (encrypted PKCS#8 by default, the traditional form for old software,
 * unencrypted only with an explicit yes, or not written at all), the file names, and the csr.save request.
 */
import type { ApiRequest } from '../../../main/api/contract';
import { passwordProblem } from '../convert/protection';

export type KeyStorage = 'encrypted' | 'plain' | 'workbench';

export interface SaveForm {
  baseName: string;
  storage: KeyStorage;
  /** PKCS#1 / SEC 1 with DEK-Info instead of PKCS#8, for software that reads nothing else. */
  traditional: boolean;
  password: string;
  confirm: string;
  /** "I understand the key is written without a passphrase". */
  plainAcknowledged: boolean;
}

export const INITIAL_SAVE: SaveForm = { baseName: '', storage: 'encrypted', traditional: false, password: '', confirm: '', plainAcknowledged: false };

const FILE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+$/;

/** A file name from the common name: "*.example.com" → "wildcard.example.com", an email keeps its @. */
export function baseNameFor(commonName: string): string {
  const name = commonName
    .trim()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[/\\:*?"<>|\u0000-\u001f\s]+/g, '_')
    .replace(/^[._]+|_+$/g, '');
  return name || 'request';
}

/** What stops saving, or null. */
export function saveProblem(form: SaveForm, folder: string | null): string | null {
  if (!folder) return 'Choose a folder to write into.';
  const base = form.baseName.trim();
  if (!base) return 'Give the files a name.';
  if (!FILE_NAME.test(base) || base === '.' || base === '..') return `“${base}” cannot be a file name.`;
  if (form.storage === 'encrypted') return passwordProblem('pkcs8', form.password, form.confirm);
  if (form.storage === 'plain' && !form.plainAcknowledged) return 'Tick that you understand the key is written without a passphrase.';
  return null;
}

export type SaveRequest = ApiRequest<'csr.save'>;

export function saveRequest(form: SaveForm, documentId: string, folder: string): SaveRequest {
  const includeKey = form.storage !== 'workbench';
  return {
    documentId,
    baseName: form.baseName.trim(),
    keyProtection: { form: form.traditional ? 'traditional' : 'pkcs8', password: form.storage === 'encrypted' ? form.password : null },
    includeKey,
    destination: { folder },
  };
}

/** The files it will write, as the user will find them. */
export function plannedFiles(form: SaveForm, withCertificate: boolean): { name: string; what: string; secret: boolean }[] {
  const base = form.baseName.trim() || 'request';
  const files = [{ name: `${base}.csr`, what: 'The CSR: send this to the CA', secret: false }];
  if (form.storage !== 'workbench') {
    const how = form.storage === 'encrypted' ? (form.traditional ? 'encrypted, traditional format' : 'encrypted PKCS#8') : form.traditional ? 'NOT encrypted, traditional format' : 'NOT encrypted';
    files.push({ name: `${base}.key`, what: `The private key (${how}), readable by you only`, secret: true });
  }
  if (withCertificate) files.push({ name: `${base}.crt`, what: 'The self-signed certificate', secret: false });
  return files;
}
