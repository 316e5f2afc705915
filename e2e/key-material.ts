/**
 * The private-key audit's detector: the real private keys of the fixtures, as the substrings they would
 * leave in a response if any part of them leaked (PEM, PKCS#8/PKCS#1/SEC1 DER in base64 or hex, JWK fields).
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const E2E_FIXTURES = join(ROOT, 'e2e', 'fixtures');
export const SHARED_KEY_FIXTURES = join(ROOT, 'test', 'fixtures', 'keys');
const SHARED_PASSWORD = 'certbench-pass';

export const SHARED_PKCS12 = join(ROOT, 'test', 'fixtures', 'pkcs12');

interface Pkcs12Manifest {
  pkcs8Password?: string;
  files: Record<string, { password: string | null; expect: string; legacy?: boolean; keys?: string[] }>;
}

export function sharedPkcs12Manifest(): Pkcs12Manifest | null {
  const file = join(SHARED_PKCS12, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Pkcs12Manifest) : null;
}

/** Keys inside containers, extracted by the oracle (openssl), so the audit knows what they hold. */
function containers(): { file: string; password: string; legacy: boolean }[] {
  const list = [{ file: join(E2E_FIXTURES, 'server.pfx'), password: 'correct horse', legacy: false }];
  const manifest = sharedPkcs12Manifest();
  for (const [name, f] of Object.entries(manifest?.files ?? {})) {
    if (f.expect === 'ok' && (f.keys?.length ?? 0) > 0) list.push({ file: join(SHARED_PKCS12, name), password: f.password ?? '', legacy: f.legacy === true });
  }
  return list;
}

function tryKey(data: Buffer, passphrase?: string): KeyObject | null {
  const attempts: Parameters<typeof createPrivateKey>[0][] = data.includes('-----BEGIN')
    ? [{ key: data, format: 'pem', passphrase }]
    : (['pkcs8', 'pkcs1', 'sec1'] as const).map((type) => ({ key: data, format: 'der' as const, type, passphrase }));
  for (const a of attempts) {
    try {
      return createPrivateKey(a);
    } catch {
      // not this encoding (or a public key): try the next
    }
  }
  return null;
}

function keyFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(pem|der|key)$/.test(f) && !/\.(pub|rsapub)\./.test(f) && !/^(bundle|server|client|root)\.pem$/.test(f))
    .map((f) => join(dir, f));
}

function collectKeys(): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const file of [...keyFiles(E2E_FIXTURES), ...keyFiles(SHARED_KEY_FIXTURES), ...keyFiles(join(ROOT, 'test', 'fixtures', 'x509'))]) {
    const k = tryKey(readFileSync(file), SHARED_PASSWORD);
    if (k) keys.push(k);
  }
  const pkcs8Password = sharedPkcs12Manifest()?.pkcs8Password;
  for (const file of keyFiles(join(SHARED_PKCS12, 'pkcs8'))) {
    const k = tryKey(readFileSync(file), pkcs8Password);
    if (k) keys.push(k);
  }
  for (const c of containers()) {
    if (!existsSync(c.file)) continue;
    let pem: Buffer;
    try {
      pem = execFileSync('openssl', ['pkcs12', '-in', c.file, '-nocerts', '-nodes', '-passin', `pass:${c.password}`, ...(c.legacy ? ['-legacy'] : [])], { stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // a container OpenSSL itself cannot open holds nothing the audit could look for
    }
    for (const block of pem.toString('utf8').match(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g) ?? []) {
      const k = tryKey(Buffer.from(block));
      if (k) keys.push(k);
    }
  }
  return keys;
}

/**
 * Needles come from the secret components only (JWK d, p, q, dp, dq, qi): the public half of a key is
 * legitimately in certificates, and an EC key's DER carries its public point, so whole-DER windows would
 * flag public data. A secret component is contiguous bytes in every encoding (PKCS#8, PKCS#1, SEC1, PKCS#12
 * plaintext, JKS plaintext), so its base64 at each of the three byte alignments and its hex find it anywhere.
 */
function secretNeedles(k: KeyObject): string[] {
  let jwk: Record<string, unknown>;
  try {
    jwk = k.export({ format: 'jwk' }) as Record<string, unknown>;
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const field of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
    const v = jwk[field];
    if (typeof v !== 'string') continue;
    const raw = Buffer.from(v, 'base64url').subarray(0, 48);
    out.push(v.slice(0, 40));
    for (let shift = 0; shift < 3; shift++) out.push(raw.subarray(shift).toString('base64').slice(0, -4).slice(0, 40));
    const hex = raw.subarray(0, 20).toString('hex');
    out.push(hex, hex.toUpperCase(), hex.toUpperCase().match(/../g)!.join(':'), hex.match(/../g)!.join(':'));
  }
  return out;
}

export interface Detector {
  keyCount: number;
  /** A description of the first leak found in `text`, or null. */
  find(text: string): string | null;
  /** Every leak in a set of wire messages (JSON bodies are scanned string by string, each distinct string once). */
  audit(bodies: string[]): string[];
}

let cached: Detector | null = null;

const PREFIX = 8;

export function keyDetector(): Detector {
  if (cached) return cached;
  const keys = collectKeys();
  const byPrefix = new Map<string, string[]>();
  for (const k of keys) {
    for (const n of secretNeedles(k)) {
      if (n.length < 24) continue;
      const list = byPrefix.get(n.slice(0, PREFIX)) ?? [];
      if (!list.includes(n)) list.push(n);
      byPrefix.set(n.slice(0, PREFIX), list);
    }
  }
  const scan = (text: string): string | null => {
    // JSON may escape "/" as "\/": compare on the unescaped text.
    const plain = text.includes('\\/') ? text.replace(/\\\//g, '/') : text;
    for (let i = 0; i + PREFIX <= plain.length; i++) {
      const candidates = byPrefix.get(plain.slice(i, i + PREFIX));
      if (!candidates) continue;
      for (const n of candidates) if (plain.startsWith(n, i)) return `private key bytes (${n.slice(0, 12)}…)`;
    }
    return null;
  };
  const shape = (text: string): string | null => {
    if (/PRIVATE KEY-----/.test(text)) return 'a PEM private key header';
    if (/"d"\s*:\s*"/.test(text)) return 'a JWK "d" member';
    return null;
  };
  cached = {
    keyCount: keys.length,
    find: (text) => shape(text) ?? scan(text),
    audit(bodies) {
      const leaks: string[] = [];
      const strings = new Set<string>();
      const collect = (v: unknown): void => {
        if (typeof v === 'string') strings.add(v);
        else if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            strings.add(k);
            collect(x);
          }
        }
      };
      for (const body of bodies) {
        const s = shape(body);
        if (s) leaks.push(s);
        try {
          collect(JSON.parse(body));
        } catch {
          strings.add(body);
        }
      }
      for (const s of strings) {
        const leak = scan(s);
        if (leak) leaks.push(leak);
      }
      return leaks;
    },
  };
  return cached;
}
