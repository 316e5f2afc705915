/**
 * CSR templates: the built-in ones, then the user's own, kept as JSON in `${dataDir}/csr-templates.json`.
 * The file is rewritten atomically; an entry that cannot be read is skipped when listing but kept when the
 * file is rewritten, and a file that is not JSON at all is never overwritten (CORRUPT says where it is), so a
 * damaged file never costs the user the templates still in it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { CsrSpecDto, CsrTemplateDto, KeySpecName } from '../api/dto';
import { PkiError } from '../pki/errors';
import { BUILT_IN_TEMPLATES } from '../pki/x509/openssl-config';
import { writeFilesAtomically } from './write-files';

export const TEMPLATES_FILE = 'csr-templates.json';
const USER_PREFIX = 'user:';

export interface NewTemplate {
  name: string;
  description?: string;
  spec: CsrSpecDto;
  key: KeySpecName;
}

/** The file as stored: a version and the raw entries (unknown shape until checked). */
interface StoredFile {
  version: 1;
  templates: unknown[];
}

export class CsrTemplateStore {
  /** Saves and deletes one after another: two quick saves must not lose one of them. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `dataDir` undefined: no data folder (the command line without one): built-in templates only. */
  constructor(private readonly dataDir: string | undefined) {}

  get path(): string | null {
    return this.dataDir === undefined ? null : join(this.dataDir, TEMPLATES_FILE);
  }

  async list(): Promise<CsrTemplateDto[]> {
    const stored = await this.read().catch((e: unknown) => {
      // Listing still works with a damaged file: the built-in templates are there, and saving says what is wrong.
      if (e instanceof PkiError && e.code === 'CORRUPT') return { version: 1 as const, templates: [] };
      throw e;
    });
    return [...BUILT_IN_TEMPLATES, ...userTemplates(stored.templates)];
  }

  /** Adds the template, replacing the user's template of the same name. */
  save(template: NewTemplate): Promise<CsrTemplateDto[]> {
    const name = template.name.trim();
    if (!name) throw new PkiError('INVALID_ARGUMENT', 'A template needs a name.', 'Name it after what it is for, such as "Intranet servers".');
    const id = templateId(name);
    if (BUILT_IN_TEMPLATES.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      throw new PkiError('INVALID_ARGUMENT', `"${name}" is the name of a built-in template.`, 'Give your template a name of its own.');
    }
    const entry: CsrTemplateDto = { id, name, description: template.description ?? '', builtIn: false, spec: template.spec, key: template.key, purpose: 'custom' };
    return this.change((entries) => [...entries.filter((e) => storedId(e) !== id), entry]);
  }

  delete(id: string): Promise<CsrTemplateDto[]> {
    if (BUILT_IN_TEMPLATES.some((t) => t.id === id)) throw new PkiError('INVALID_ARGUMENT', 'Built-in templates cannot be deleted.', 'Only templates you saved can be deleted.');
    return this.change((entries) => {
      if (!entries.some((e) => storedId(e) === id)) throw new PkiError('NOT_FOUND', 'That template is not among your saved templates.', 'It may have been deleted already; the list is up to date now.');
      return entries.filter((e) => storedId(e) !== id);
    });
  }

  private change(edit: (entries: unknown[]) => unknown[]): Promise<CsrTemplateDto[]> {
    const run = this.queue.then(async () => {
      const path = this.path;
      if (path === null || this.dataDir === undefined) {
        throw new PkiError('INVALID_ARGUMENT', 'There is no data folder to keep your templates in.', 'Set CERTBENCH_DATA_DIR to a folder Certbench may write to.');
      }
      const stored = await this.read();
      const templates = edit(stored.templates);
      await fs.mkdir(this.dataDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw new PkiError('INVALID_ARGUMENT', `The data folder ${this.dataDir} cannot be made (${e.code ?? e.message}).`, 'Set CERTBENCH_DATA_DIR to a folder Certbench may write to.');
      });
      const text = JSON.stringify({ version: 1, templates } satisfies StoredFile, null, 2) + '\n';
      await writeFilesAtomically([{ path, bytes: new TextEncoder().encode(text), secret: false }], { overwrite: true });
      return [...BUILT_IN_TEMPLATES, ...userTemplates(templates)];
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The stored entries; none when there is no file yet; CORRUPT (file left alone) when it is not ours to rewrite. */
  private async read(): Promise<StoredFile> {
    const path = this.path;
    if (path === null) return { version: 1, templates: [] };
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, templates: [] };
      throw new PkiError('CORRUPT', `Your saved templates (${path}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`, 'Check that file; the built-in templates still work.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw corruptFile(path, 'it is not JSON');
    }
    if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as StoredFile).templates)) throw corruptFile(path, 'it has no "templates" list');
    return { version: 1, templates: (parsed as StoredFile).templates };
  }
}

function corruptFile(path: string, why: string): PkiError {
  return new PkiError('CORRUPT', `Your saved templates file ${path} is damaged (${why}); it was left as it is.`, 'Fix or move that file away, then save the template again; the built-in templates still work.');
}

/** The entries that are well-formed templates, as the api gives them; the others are skipped. */
function userTemplates(entries: unknown[]): CsrTemplateDto[] {
  const out: CsrTemplateDto[] = [];
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const t = e as Partial<CsrTemplateDto>;
    if (typeof t.name !== 'string' || !t.name.trim()) continue;
    if (!isSpec(t.spec) || !KEY_SPECS.includes(t.key as KeySpecName)) continue;
    out.push({ id: templateId(t.name), name: t.name, description: typeof t.description === 'string' ? t.description : '', builtIn: false, spec: t.spec, key: t.key as KeySpecName, purpose: 'custom' });
  }
  return out;
}

const KEY_SPECS: readonly KeySpecName[] = ['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384', 'ec:P-521', 'ed25519'];
const SAN_TYPES = new Set(['DNS', 'IP', 'email', 'URI']);
const HASHES = new Set(['sha256', 'sha384', 'sha512', 'sha1']);
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const pairs = (x: unknown, type: (t: unknown) => boolean): boolean =>
  Array.isArray(x) && x.every((a) => a && typeof a === 'object' && type((a as { type?: unknown }).type) && typeof (a as { value?: unknown }).value === 'string');

/**
 * The shape of a stored form, checked by hand: the request schemas (zod) would be the obvious tool, but this file
 * is on the command line's path (`csr --template`), and zod is most of a cold start there.
 */
function isSpec(x: unknown): x is CsrSpecDto {
  if (!x || typeof x !== 'object') return false;
  const s = x as Record<string, unknown>;
  return (
    pairs(s.subject, (t) => typeof t === 'string' && t.length > 0) &&
    pairs(s.san, (t) => SAN_TYPES.has(t as string)) &&
    typeof s.cnAsSan === 'boolean' &&
    strings(s.keyUsage) &&
    strings(s.extendedKeyUsage) &&
    HASHES.has(s.signatureHash as string) &&
    (s.keyUsageCritical === undefined || typeof s.keyUsageCritical === 'boolean') &&
    (s.challengePassword === undefined || typeof s.challengePassword === 'string')
  );
}

function storedId(entry: unknown): string | null {
  const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? templateId(name) : null;
}

/** `user:<slug>`: same name (whatever its case and punctuation) → same id, so saving it again replaces it. */
export function templateId(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return USER_PREFIX + (slug || Buffer.from(name.trim()).toString('hex').slice(0, 40));
}
