/**
 * csr.create: the key (made off the UI path with progress, or an open one), the CSR and, when asked, a
 * self-signed certificate, opened as one in-memory document "NAME (not saved)" so the Inspector shows them,
 * links them by public key, and Convert and Keystores can use them. The private key stays in main.
 */
import type { CsrCreatedDto, CsrSpecDto, KeyChoiceDto, KeySpecName, SelfSignDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { pemBlock } from '../pki/formats/pem-write';
import { generateKey } from '../pki/keys/generate';
import { writeSelfSigned } from '../pki/x509/certificate-write';
import { writeCsr } from '../pki/x509/csr-write';
import { lintSpec } from '../pki/x509/lints';
import { commonNameOf, hasErrors, lintRefusal } from './csr-check';
import { resolveKey } from './csr-key-choice';
import { withProgress, type ProgressContext } from './operation-progress';

export interface CreateRequest {
  spec: CsrSpecDto;
  key: KeyChoiceDto;
  selfSign?: SelfSignDto;
  name?: string;
}

export interface CreateContext extends ProgressContext {
  now?: () => Date;
}

/** What was made, in main: the PEM text of the new document and its parts. */
export interface MadeRequest {
  pkcs8: Uint8Array;
  csrDer: Uint8Array;
  certificateDer: Uint8Array | null;
}

export const NOT_SAVED = ' (not saved)';

export async function createCsr(ctx: CreateContext, request: CreateRequest): Promise<CsrCreatedDto> {
  const made = await makeRequest(ctx, request);
  const name = `${request.name?.trim() || commonNameOf(request.spec) || 'New key'}${NOT_SAVED}`;
  const csrPem = pemBlock('CERTIFICATE REQUEST', made.csrDer);
  const certificatePem = made.certificateDer ? pemBlock('CERTIFICATE', made.certificateDer) : null;
  const text = csrPem + pemBlock('PRIVATE KEY', made.pkcs8) + (certificatePem ?? '');
  const doc = await ctx.session.open(name, new TextEncoder().encode(text), null);
  const state = ctx.session.state();
  const rows = state.documents.find((d) => d.id === doc.id)?.objects ?? [];
  const idOf = (kind: string) => rows.find((r) => r.kind === kind)?.id ?? null;
  const csrObjectId = idOf('csr');
  const keyObjectId = idOf('privateKey');
  const certificateObjectId = made.certificateDer ? idOf('certificate') : null;
  if (doc.status !== 'ready' || !csrObjectId || !keyObjectId || (made.certificateDer && !certificateObjectId)) {
    ctx.session.close(doc.id);
    throw new PkiError('INTERNAL', 'The new request could not be opened in the workbench.', 'Please report this (without the key).');
  }
  return { documentId: doc.id, csrObjectId, keyObjectId, certificateObjectId, csrPem, certificatePem, state };
}

/** Lints, then the key, the CSR and the certificate; INVALID_ARGUMENT listing the lint errors, CANCELLED when stopped. */
export async function makeRequest(ctx: CreateContext, request: Omit<CreateRequest, 'name'>): Promise<MadeRequest> {
  const resolved = resolveKey(ctx.session, request.key);
  const problems = lintSpec(request.spec, resolved.facts, request.selfSign);
  if (hasErrors(problems)) throw new PkiError('INVALID_ARGUMENT', lintRefusal(problems), 'Fix the fields the check marks as errors, then make the request again.');
  const pkcs8 = resolved.existing?.pkcs8 ?? (await generate(ctx, resolved.spec!));
  const csrDer = writeCsr(request.spec, pkcs8);
  const certificateDer = request.selfSign ? writeSelfSigned(request.spec, pkcs8, { ...request.selfSign, now: ctx.now?.() }) : null;
  return { pkcs8, csrDer, certificateDer };
}

async function generate(ctx: ProgressContext, spec: KeySpecName): Promise<Uint8Array> {
  return withProgress(ctx, `Making ${keyWords(spec)} key`, async ({ signal }) => {
    const pkcs8 = await generateKey(spec, { signal });
    if (signal.aborted) throw stopped();
    return pkcs8;
  }).catch((e: unknown) => {
    throw e instanceof PkiError && e.code === 'CANCELLED' ? stopped() : e;
  });
}

const stopped = () => new PkiError('CANCELLED', 'Making the key was cancelled.', 'Nothing was made; make the request again when you are ready.');

/** "an RSA 4096", "an EC P-384", "an Ed25519". */
export function keyWords(spec: KeySpecName): string {
  if (spec === 'ed25519') return 'an Ed25519';
  const [kind, size] = spec.split(':');
  return `an ${kind.toUpperCase()} ${size}`;
}
