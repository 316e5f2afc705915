/**
 * What a scan reports per certificate: the reader's objects (a file's or an endpoint's) turned into expiry
 * rows through the Inspector's own summary (subject, SHA-256, notAfter, daysLeft by validityAt), and the
 * error row that stands for a file or endpoint that could not be read.
 */
import type { ExpiryRowDto, ObjectSummaryDto } from '../../api/dto';
import { toErrorInfo, type ErrorInfo } from '../../pki/errors';
import { expiryStatus } from '../../pki/expiry/status';
import type { RawObject } from '../../pki/model';
import { summarizeObject, type SummaryCache } from '../../pki/summary';

export interface RowContext {
  targetId: string;
  presence: ExpiryRowDto['presence'];
  now: Date;
  thresholds: readonly number[];
  cache: SummaryCache;
}

/**
 * A part a container could not open for want of the right password (a PKCS#12 encrypted safe) may hide
 * certificates, so it is an error row; a locked key (a JKS key entry listed without the password) hides none.
 */
const LOCKED = new Set(['PASSWORD_REQUIRED', 'WRONG_PASSWORD']);
const hidesCertificates = (raw: RawObject) => raw.kind === 'unsupported' && LOCKED.has(raw.code) && !/\bkey\b/i.test(raw.what);

/**
 * One row per certificate among `objects`, in file order; `where` is the file or endpoint. A certificate
 * that does not decode is an error row; keys, CSRs and CRLs are not rows.
 */
export function certificateRows(objects: readonly RawObject[], where: string, ctx: RowContext): ExpiryRowDto[] {
  const certificates = objects.filter((o) => o.kind === 'certificate').length;
  const rows: ExpiryRowDto[] = [];
  let n = 0;
  objects.forEach((raw, index) => {
    if (raw.kind === 'unsupported' && hidesCertificates(raw)) {
      rows.push(errorRow(ctx.targetId, sourceOf(where, raw.location, null, 0), ctx.presence, { code: raw.code, message: raw.message, hint: raw.hint }));
      return;
    }
    if (raw.kind !== 'certificate') return;
    n++;
    const source = sourceOf(where, raw.location, certificates > 1 ? n : null, certificates);
    const summary = summarizeObject(raw, { documentId: 'scan', index, now: ctx.now, cache: ctx.cache });
    rows.push(rowOf(summary, source, ctx));
  });
  return rows;
}

function rowOf(s: ObjectSummaryDto, source: string, ctx: RowContext): ExpiryRowDto {
  if (s.kind !== 'certificate') {
    const error = s.error ?? { code: 'CORRUPT' as const, message: 'This certificate could not be decoded.', hint: 'The file may be damaged; get a fresh copy from its source.' };
    return errorRow(ctx.targetId, source, ctx.presence, error);
  }
  if (s.daysLeft === null) {
    return errorRow(ctx.targetId, source, ctx.presence, { code: 'CORRUPT', message: `The certificate ${s.subject ?? ''} has no readable validity dates.`, hint: 'The certificate is damaged; get a fresh copy from its issuer.' });
  }
  const { status, threshold } = expiryStatus(s.daysLeft, ctx.thresholds);
  return {
    targetId: ctx.targetId,
    source,
    presence: ctx.presence,
    subject: s.subject ?? '',
    issuer: s.issuer ?? '',
    sha256: (s.sha256 ?? '').toUpperCase(),
    serial: s.serial ?? '',
    notBefore: s.notBefore,
    notAfter: s.notAfter,
    daysLeft: s.daysLeft,
    status,
    threshold,
    isCA: s.isCA,
    error: null,
  };
}

/**
 * "/etc/ssl/a.pem" for the only certificate of a plain file; "... entry 'tomcat'" for keystore entries;
 * "... PEM block 2" / "... certificate 2" when a file or endpoint holds several.
 */
function sourceOf(where: string, location: string | undefined, n: number | null, certificates: number): string {
  // A keystore key entry's own certificate is its chain's first: "entry 'tomcat'" says it.
  if (location) location = location.replace(/, chain cert 1$/, '');
  if (location && (certificates > 1 || location.startsWith('entry'))) return `${where} ${location}`;
  if (n !== null) return `${where} certificate ${n}`;
  return where;
}

export function errorRow(targetId: string, source: string, presence: ExpiryRowDto['presence'], error: ErrorInfo | unknown): ExpiryRowDto {
  const info = isErrorInfo(error) ? error : toErrorInfo(error);
  return {
    targetId, source, presence, subject: '', issuer: '', sha256: '', serial: '', notBefore: null, notAfter: null, daysLeft: null,
    status: 'error', threshold: null, isCA: false, error: { code: info.code, message: info.message, hint: info.hint },
  };
}

function isErrorInfo(e: unknown): e is ErrorInfo {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && typeof (e as ErrorInfo).code === 'string' && typeof (e as ErrorInfo).message === 'string';
}
