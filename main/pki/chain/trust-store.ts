/**
 * Trust anchors: the Mozilla roots that ship with Node (tls.rootCertificates), decoded once per process on
 * first use, plus trust files the user adds.
 */
import { rootCertificates } from 'node:tls';
import { isPkiError } from '../errors';
import { parsePemBlocks } from '../formats/pem-blocks';
import { chainCert } from './chain-cert';
import type { PoolCert } from './types';

let system: readonly PoolCert[] | null = null;

/** Node's bundled Mozilla roots as trusted pool entries (source 'trust-store'). */
export function systemRoots(): readonly PoolCert[] {
  system ??= Object.freeze(decodeAll(rootCertificates.map(pemToDer), 'trust-store'));
  return system;
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

function pemToDer(pem: string): Uint8Array {
  return parsePemBlocks(pem)[0]?.der ?? new Uint8Array(0);
}
