/** csr.save: NAME.csr, NAME.key (0600) and NAME.crt of a request made by csr.create, into a folder the user chose. */
import type { KeyProtectionDto, WrittenFileDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { requestFiles, type RequestFileRole, type RequestParts } from './csr-files';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';
import { writeFilesAtomically } from './write-files';

export interface SaveRequest {
  documentId: string;
  baseName: string;
  keyProtection: KeyProtectionDto;
  includeKey?: boolean;
  destination: { folder: string; overwrite?: boolean };
}

export interface SaveContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
}

const EXTENSION: Record<RequestFileRole, string> = { csr: 'csr', key: 'key', certificate: 'crt' };

export async function saveCsr(ctx: SaveContext, request: SaveRequest): Promise<{ written: WrittenFileDto[] }> {
  const parts = partsOf(ctx.session, request.documentId);
  const base = request.baseName.replace(/\.(csr|key|crt)$/i, '');
  // The folder is checked before any key is encrypted.
  const pathOf = (role: RequestFileRole) => ctx.folders.pathIn(request.destination.folder, `${base}.${EXTENSION[role]}`);
  pathOf('csr');
  const files = await requestFiles(parts, request.includeKey === false ? null : request.keyProtection);
  const outputs = files.map((f) => ({ ...f, path: pathOf(f.role) }));
  await writeFilesAtomically(outputs, { overwrite: request.destination.overwrite });
  ctx.grants.grant(outputs.map((f) => f.path));
  return { written: outputs.map((f) => ({ path: f.path, format: f.format, objects: f.objects, secret: f.secret, encrypted: f.encrypted })) };
}

/** The CSR, key and certificate of a document csr.create made (or any document holding a CSR and its key). */
function partsOf(session: Session, documentId: string): RequestParts {
  const objects = session.collect({ documentIds: [documentId] });
  const csr = objects.find((o) => o.raw.kind === 'csr');
  const key = objects.find((o) => o.raw.kind === 'privateKey');
  const certificate = objects.find((o) => o.raw.kind === 'certificate');
  if (!csr || csr.raw.kind !== 'csr') throw new PkiError('NOT_FOUND', 'That document holds no certificate request.', 'Make the request again with New CSR.');
  return {
    csrDer: csr.raw.der,
    pkcs8: key && key.raw.kind === 'privateKey' ? key.raw.pkcs8 : null,
    certificateDer: certificate && certificate.raw.kind === 'certificate' ? certificate.raw.der : null,
  };
}
