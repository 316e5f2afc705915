/**
 * Trust anchors: the Mozilla roots that ship with Node (tls.rootCertificates), plus trust files the user adds.
 * The roots are indexed by subject name key once per process (a cheap structural read); a root is decoded in
 * full (chainCert) only when some certificate names it as issuer, and then once, so a one-off check in a fresh
 * process does not pay for decoding all ~140 roots.
 */
import { isPkiError } from '../errors';
import { parsePemBlocks } from '../formats/pem-blocks';
import { nodeTls } from '../lazy-builtins';
import { certificateFields } from '../x509/certificate';
import { chainCert } from './chain-cert';
import { nameKey } from './name-key';
import type { PoolCert } from './types';

interface RootEntry {
  der: Uint8Array;
  /** Decoded on first use; null when Certbench cannot decode it (then it anchors nothing). */
  decoded?: PoolCert | null;
}

let index: Map<string, RootEntry[]> | null = null;

function rootIndex(): Map<string, RootEntry[]> {
  if (index) return index;
  index = new Map();
  for (const pem of nodeTls().rootCertificates) {
    const der = parsePemBlocks(pem)[0]?.der;
    if (!der) continue;
    let key: string;
    try {
      key = nameKey(certificateFields(der).subject);
    } catch (e) {
      if (isPkiError(e)) continue;
      throw e;
    }
    const list = index.get(key);
    if (list) list.push({ der });
    else index.set(key, [{ der }]);
  }
  return index;
}

function decoded(entry: RootEntry): PoolCert | null {
  if (entry.decoded === undefined) entry.decoded = decodeAll([entry.der], 'trust-store')[0] ?? null;
  return entry.decoded;
}

/** Every root Node ships, as trusted pool entries (source 'trust-store'). */
export function systemRoots(): readonly PoolCert[] {
  return [...rootIndex().values()].flat().map(decoded).filter((r): r is PoolCert => r !== null);
}

/** The roots whose subject is one of these name keys (the issuers some certificate names). */
export function systemRootsNamed(nameKeys: Iterable<string>): PoolCert[] {
  const out: PoolCert[] = [];
  const roots = rootIndex();
  for (const key of nameKeys) for (const entry of roots.get(key) ?? []) {
    const r = decoded(entry);
    if (r) out.push(r);
  }
  return out;
}

/** The user's own trust anchors (trust files, --trust): trusted, source 'input'. */
export function userTrust(ders: readonly Uint8Array[]): PoolCert[] {
  return decodeAll(ders, 'input');
}

function decodeAll(ders: readonly Uint8Array[], source: PoolCert['source']): PoolCert[] {
  const out: PoolCert[] = [];
  for (const der of ders) {
    try {
      out.push({ cert: chainCert(der), source, trusted: true });
    } catch (e) {
      // A root Certbench cannot decode cannot anchor anything it can decode either; skip it.
      if (!isPkiError(e)) throw e;
    }
  }
  return out;
}
