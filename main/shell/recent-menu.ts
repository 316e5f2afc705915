/**
 * The labels of File > Open Recent: the file name, and the folder when two recent files share a name.
 * '&' is doubled: Windows and Linux menus read a single one as an access key marker.
 */
import { posix, win32 } from 'node:path';

const escapeAccessKey = (label: string): string => label.replace(/&/g, '&&');

export function recentLabels(paths: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const path = platform === 'win32' ? win32 : posix;
  const key = (name: string) => (platform === 'linux' ? name : name.toLowerCase());
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(key(path.basename(p)), (counts.get(key(path.basename(p))) ?? 0) + 1);
  return paths.map((p) => {
    const name = path.basename(p);
    const label = counts.get(key(name))! > 1 ? `${name} — ${path.basename(path.dirname(p)) || path.dirname(p)}` : name;
    return escapeAccessKey(label);
  });
}
