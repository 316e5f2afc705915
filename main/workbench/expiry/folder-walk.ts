/**
 * Lists the files a folder target holds: recursively unless told not to, following symbolic links to files
 * and folders but entering each real folder once (a link back to a parent is not a loop forever), and
 * passing over what is not a regular file. Bounded: at most MAX_FOLDER_FILES files and MAX_DEPTH levels.
 */
import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import { extname, join } from 'node:path';
import { PkiError, type ErrorInfo } from '../../pki/errors';

export const MAX_FOLDER_FILES = 200_000;
const MAX_DEPTH = 64;

/** Extensions that say "this is meant to be a certificate file": unreadable ones are reported, not passed over. */
const CERTIFICATE_EXTENSIONS = new Set([
  '.pem', '.crt', '.cer', '.cert', '.der', '.p7b', '.p7c', '.pfx', '.p12', '.jks', '.jceks', '.keystore', '.truststore', '.ks',
]);

export function looksLikeCertificateFile(path: string): boolean {
  return CERTIFICATE_EXTENSIONS.has(extname(path).toLowerCase());
}

export interface FolderListing {
  files: string[];
  /** Entries passed over: not regular files (sockets, FIFOs, devices), dangling links, folders seen before. */
  skipped: number;
  /** Sub-folders or certificate-named entries that could not be read. */
  problems: { path: string; error: ErrorInfo }[];
}

export async function listFolder(root: string, options: { recursive: boolean; signal?: AbortSignal }): Promise<FolderListing> {
  const rootStat = await fs.stat(root).catch((e: unknown) => {
    throw folderError(root, e);
  });
  if (!rootStat.isDirectory()) throw new PkiError('INVALID_ARGUMENT', `${root} is not a folder.`, 'Watch it as a file instead, or choose the folder that holds it.');
  const listing: FolderListing = { files: [], skipped: 0, problems: [] };
  const seen = new Set<string>([`${rootStat.dev}:${rootStat.ino}`]);
  const pending: { path: string; depth: number }[] = [{ path: root, depth: 0 }];
  while (pending.length) {
    if (options.signal?.aborted) break;
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir.path, { withFileTypes: true });
    } catch (e) {
      if (dir.path === root) throw folderError(root, e);
      listing.problems.push({ path: dir.path, error: folderError(dir.path, e).toInfo() });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir.path, entry.name);
      const kind = entry.isSymbolicLink() ? await linkTarget(path) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      if (kind === 'file') {
        if (listing.files.length >= MAX_FOLDER_FILES) {
          listing.problems.push({ path: root, error: tooMany(root) });
          return listing;
        }
        listing.files.push(path);
      } else if (kind === 'folder') {
        if (!options.recursive || dir.depth + 1 > MAX_DEPTH) continue;
        const key = await folderKey(path);
        if (key === null || seen.has(key)) {
          listing.skipped++;
          continue;
        }
        seen.add(key);
        pending.push({ path, depth: dir.depth + 1 });
      } else if (typeof kind === 'object') {
        if (looksLikeCertificateFile(path)) listing.problems.push({ path, error: kind.error });
        else listing.skipped++;
      } else {
        listing.skipped++;
      }
    }
  }
  listing.files.sort();
  return listing;
}

/** Where a symbolic link leads: a file, a folder, something else, or nowhere (dangling, looping). */
async function linkTarget(path: string): Promise<'file' | 'folder' | 'other' | { error: ErrorInfo }> {
  try {
    const s = await fs.stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ELOOP' ? 'loops back on itself' : 'leads to nothing (the file it points to is gone)';
    return { error: { code: 'NOT_FOUND', message: `${path} is a symbolic link that ${why}.`, hint: 'Fix or remove the link.' } };
  }
}

async function folderKey(path: string): Promise<string | null> {
  try {
    const s = await fs.stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function folderError(path: string, e: unknown): PkiError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new PkiError('NOT_FOUND', `There is no folder at ${path}.`, 'It may have been moved or deleted; remove it from the watchlist or add it again.');
  if (code === 'EACCES' || code === 'EPERM') return new PkiError('NOT_FOUND', `Certbench cannot read the folder ${path}: permission denied.`, 'Check that you may read the folder (its permissions or owner).');
  if (code === 'ELOOP') return new PkiError('NOT_FOUND', `${path} is a symbolic link that loops back on itself.`, 'Fix or remove the link.');
  return new PkiError('NOT_FOUND', `Certbench cannot read the folder ${path}${code ? ` (${code})` : ''}.`, 'Check that the folder exists and that you may read it.');
}

const tooMany = (root: string): ErrorInfo => ({
  code: 'TOO_LARGE',
  message: `${root} holds more than ${MAX_FOLDER_FILES.toLocaleString('en-US')} files; only the first ${MAX_FOLDER_FILES.toLocaleString('en-US')} were scanned.`,
  hint: 'Watch the sub-folders that hold certificates instead of the whole tree.',
});
