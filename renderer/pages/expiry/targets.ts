/**
 * What the Add dialog sends (a file, a folder, an endpoint as the Chain doctor parses it), and where a table
 * row leads: the Inspector for a stored certificate's file, the Chain doctor for an endpoint.
 */
import type { ExpiryRowDto, StarttlsProtocol, WatchTargetDto, WatchTargetInput } from '../../../main/api/dto';
import { parseTarget } from '../chain/target';

export type TargetKind = WatchTargetInput['kind'];

export interface AddForm {
  kind: TargetKind;
  /** A path (file, folder) or what was typed in the server field. */
  location: string;
  label: string;
  recursive: boolean;
  servername: string;
  starttls: StarttlsProtocol | '';
  password: string;
}

export const EMPTY_ADD_FORM: AddForm = { kind: 'folder', location: '', label: '', recursive: true, servername: '', starttls: '', password: '' };

export type AddOutcome = { input: WatchTargetInput; problem: null } | { input: null; problem: string };

/** The request for the form, or what is wrong with it in plain words. */
export function inputOf(form: AddForm): AddOutcome {
  const label = form.label.trim();
  const common = label ? { label } : {};
  if (form.kind === 'endpoint') {
    const parsed = parseTarget(form.location);
    if (!parsed.ok) return { input: null, problem: parsed.message };
    const host = parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host;
    const starttls = form.starttls || parsed.starttls;
    return {
      input: { kind: 'endpoint', location: `${host}:${parsed.port}`, ...common, ...(form.servername.trim() ? { servername: form.servername.trim() } : {}), ...(starttls ? { starttls } : {}) },
      problem: null,
    };
  }
  const location = form.location.trim();
  if (location === '') return { input: null, problem: form.kind === 'folder' ? 'Give the folder to watch.' : 'Give the file to watch.' };
  return {
    input: { kind: form.kind, location, ...common, ...(form.kind === 'folder' ? { recursive: form.recursive } : {}), ...(form.password ? { password: form.password } : {}) },
    problem: null,
  };
}

/** Where a row's certificate can be looked at. */
export type RowDestination = { page: 'inspect'; path: string; sha256: string } | { page: 'chain'; target: WatchTargetDto } | null;

/**
 * The file a stored row came from: the row's source is the path, possibly followed by where in the file
 * (" entry 'tomcat'", " PEM block 2", " certificate 2" ...). A file target is its own path; in a folder the
 * path is the longest prefix of the source that ends at a space and lies inside the folder.
 */
export function rowFile(row: ExpiryRowDto, target: WatchTargetDto | undefined): string | null {
  if (row.presence !== 'stored' || !target || target.kind === 'endpoint') return null;
  if (target.kind === 'file') return target.location;
  const folder = target.location.replace(/[\\/]+$/, '');
  if (!row.source.startsWith(folder)) return null;
  const where = / (?:entry '|PEM block \d|certificate \d|safe \d|CRL \d)/.exec(row.source.slice(folder.length));
  return where ? row.source.slice(0, folder.length + where.index) : row.source;
}

export function rowDestination(row: ExpiryRowDto, targets: ReadonlyMap<string, WatchTargetDto>): RowDestination {
  const target = targets.get(row.targetId);
  if (!target) return null;
  if (target.kind === 'endpoint') return { page: 'chain', target };
  const path = rowFile(row, target);
  return path ? { page: 'inspect', path, sha256: row.sha256 } : null;
}

/** The file an export is written to: "expiry-2026-11-24.csv", "expiry-daily-2026-11-24.html". */
export function exportFileName(format: 'csv' | 'json' | 'ics' | 'html' | 'pdf' | 'openmetrics', digest: 'daily' | 'monthly' | null, now: Date): string {
  const ext = format === 'openmetrics' ? 'prom' : format;
  return `expiry-${digest ? `${digest}-` : ''}${now.toISOString().slice(0, 10)}.${ext}`;
}
