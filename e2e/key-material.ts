/**
 * The private-key audit's detector: finds any stretch of a fixture key's secret components (RSA d, p, q, dp, dq,
 * qinv; the EC/DSA/EdDSA/X25519 private value; the bytes of Java secret keys) in text, in the encodings a leak would take: hex (any case, with
 * or without colons, across line breaks), base64 and base64url at each of the three byte alignments (PEM, DER in
 * JSON, JWK members), whatever bytes surround it (PKCS#8, PKCS#1, SEC1, PKCS#12 or JKS plaintext).
 *
 * Only secret components are searched: the public half of a key is legitimately in certificates and an EC key's
 * DER carries its public point. Matching: every WINDOW-character window of every needle (at every offset) is
 * kept in a Map; the text is normalised once per encoding family and the WINDOW-character slice at every
 * STRIDE-th position looked up. Any shared stretch of WINDOW + STRIDE - 1 characters or more holds one such
 * slice, so it is found, in time linear in the text (one lookup per STRIDE characters).
 */
import { loadFixtureSecrets, ROOT, type FixtureKey } from './fixture-secrets';

export { ROOT };

const WINDOW = 24;
const STRIDE = 8;
/** The shortest shared stretch that is always found (hex: 16 bytes, base64: 23 bytes). */
export const MIN_LEAK_CHARS = WINDOW + STRIDE - 1;

export interface Detector {
  /** Keys loaded from secrets.json (a key in several containers counts once per container). */
  keyCount: number;
  /** Distinct keys (by SPKI). */
  distinctKeys: number;
  /** A description of the first leak found in `text`, or null. */
  find(text: string): string | null;
  /** Every leak in a set of wire messages (JSON bodies are scanned string by string, each distinct string once). */
  audit(bodies: string[]): string[];
}

interface Owner {
  key: FixtureKey;
  component: string;
}

/** The text forms of one secret component: lowercase hex, and base64/base64url at byte offsets 0, 1 and 2. */
function needles(bytes: Buffer): { hex: string[]; b64: string[] } {
  const b64: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const usable = bytes.length - shift - ((bytes.length - shift) % 3);
    const part = bytes.subarray(shift, shift + usable);
    b64.push(part.toString('base64'), part.toString('base64url'));
  }
  return { hex: [bytes.toString('hex')], b64 };
}

/** Needles too short for a window (the base64 of a 16-byte AES key): searched whole. */
interface Short {
  needle: string;
  owner: Owner;
}

function addWindows(into: Map<string, Owner>, shorts: Short[], needle: string, owner: Owner): void {
  if (needle.length < WINDOW) {
    if (needle.length < 16) throw new Error(`a secret component of ${owner.key.source} is too short to search (${needle.length} characters)`);
    shorts.push({ needle, owner });
    return;
  }
  for (let at = 0; at + WINDOW <= needle.length; at++) into.set(needle.slice(at, at + WINDOW), owner);
}

/** Hex is compared lowercased, without whitespace, colons or JSON line escapes; base64 without whitespace. */
const forHex = (text: string) => text.toLowerCase().replace(/\\[nr]|[\s:]/g, '');
const forBase64 = (text: string) => text.replace(/\\[nr/]|\s/g, (m) => (m === '\\/' ? '/' : ''));

function scan(text: string, windows: Map<string, Owner>, shorts: Short[]): Owner | null {
  for (let i = 0; i + WINDOW <= text.length; i += STRIDE) {
    const hit = windows.get(text.slice(i, i + WINDOW));
    if (hit) return hit;
  }
  return shorts.find((s) => text.includes(s.needle))?.owner ?? null;
}

let cached: Detector | null = null;

export function keyDetector(): Detector {
  if (cached) return cached;
  const secrets = loadFixtureSecrets();
  const hexWindows = new Map<string, Owner>();
  const b64Windows = new Map<string, Owner>();
  const hexShort: Short[] = [];
  const b64Short: Short[] = [];
  const seen = new Set<string>();
  for (const key of secrets.keys) {
    if (seen.has(key.spkiSha256)) continue;
    seen.add(key.spkiSha256);
    for (const [component, hex] of Object.entries(key.secrets)) {
      const owner = { key, component };
      const n = needles(Buffer.from(hex, 'hex'));
      for (const h of n.hex) addWindows(hexWindows, hexShort, h, owner);
      for (const b of n.b64) addWindows(b64Windows, b64Short, b, owner);
    }
  }
  const describe = (o: Owner, how: string) => `private key bytes (${o.component} of the key in ${o.key.source}, ${o.key.location}) as ${how}`;
  const bytesIn = (text: string): string | null => {
    const b = scan(forBase64(text), b64Windows, b64Short);
    if (b) return describe(b, 'base64');
    const h = scan(forHex(text), hexWindows, hexShort);
    return h ? describe(h, 'hex') : null;
  };
  const shape = (text: string): string | null => {
    if (/PRIVATE KEY-----/.test(text)) return 'a PEM private key header';
    if (/"d"\s*:\s*"/.test(text)) return 'a JWK "d" member';
    return null;
  };
  cached = {
    keyCount: secrets.keys.length,
    distinctKeys: seen.size,
    find: (text) => shape(text) ?? bytesIn(text),
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
        const leak = s.length >= 16 ? bytesIn(s) : null;
        if (leak) leaks.push(leak);
      }
      return leaks;
    },
  };
  return cached;
}
