/**
 * Seed inputs for the fuzzer: every fixture the project made (test/fixtures, e2e/fixtures) and the peer
 * corpus in ../shared/corpus when it is there, each with the password it opens with when one is known.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export interface Seed {
  /** Path relative to the project root (or the corpus root), for messages and reproducers. */
  name: string;
  bytes: Uint8Array;
  /** The password that opens it, when a manifest or the corpus notes say so. */
  password?: string;
}

/** Larger files add time per input without adding shapes. */
const MAX_SEED_BYTES = 512 * 1024;
/** Passwords of the peer corpus (shared/corpus/README.md): tried on files no manifest names. */
export const KNOWN_PASSWORDS = ['cryptography', 'password', '12345678', 'store_password', 'private_password', 'foobar', 'baz', '123456', 'a123456'];

export function seedDirectories(root: string): string[] {
  return [join(root, 'test/fixtures'), join(root, 'e2e/fixtures'), join(root, '../shared/corpus')].filter((d) => existsSync(d));
}

export function loadSeeds(root: string, dirs = seedDirectories(root)): { seeds: Seed[]; passwords: string[] } {
  const files = dirs.flatMap((d) => walk(d));
  const byName = new Map<string, string>();
  for (const f of files.filter((f) => f.endsWith('.json') && statSync(f).size < 1024 * 1024)) harvestPasswords(f, byName);
  const seeds: Seed[] = [];
  for (const f of files) {
    const size = statSync(f).size;
    if (size === 0 || size > MAX_SEED_BYTES || /\.(json|md|txt|tsv|sh|py|license|LICENSE)$/i.test(f)) continue;
    seeds.push({ name: relative(root, f), bytes: new Uint8Array(readFileSync(f)), password: byName.get(basename(f)) });
  }
  const passwords = [...new Set([...byName.values(), ...KNOWN_PASSWORDS])];
  return { seeds, passwords };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Manifests map file names to objects with a "password": collect those, and any top-level *Password. */
function harvestPasswords(file: string, into: Map<string, string>): void {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const visit = (node: unknown, key: string) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (/\.\w+$/.test(key) && typeof record.password === 'string') into.set(basename(key), record.password);
    for (const [k, v] of Object.entries(record)) {
      if (typeof v === 'string' && /password$/i.test(k) && k !== 'password') into.set(`*${k}`, v);
      visit(v, k);
    }
  };
  visit(json, '');
}
