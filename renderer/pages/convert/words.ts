/** Plain words for the Convert page. */
import type { WrittenFileDto } from '../../../main/api/dto';
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
