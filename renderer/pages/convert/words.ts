/** Plain words for the Convert page. */
import type { DocumentDto, WrittenFileDto } from '../../../main/api/dto';
import type { Selection } from './selection';
import { targetName } from './targets';

export function countWords(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

/** "Wrote 4 files to /out" */
export function resultWords(written: readonly WrittenFileDto[], folder: string | null): string {
  return `Wrote ${countWords(written.length, 'file')}${folder ? ` to ${folder}` : ''}`;
}

export function writtenWords(f: WrittenFileDto): string {
  return [targetName(f.format), countWords(f.objects, 'object'), f.encrypted ? 'password-protected' : f.secret ? 'NOT encrypted' : null, f.secret ? 'owner-only (0600)' : null].filter(Boolean).join(' · ');
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What is chosen, in a few words: file names, then single objects by name ("server.pfx, shop.example.test"). */
export function chosenWords(documents: readonly DocumentDto[], sel: Selection, shown = 3): string | null {
  const names = documents.filter((d) => sel.documentIds.includes(d.id)).map((d) => d.name);
  const chosen = new Set(sel.objectIds);
  for (const d of documents) for (const o of d.objects) if (chosen.has(o.id)) names.push(o.label);
  if (names.length === 0) return null;
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
