/**
 * Trust anchors: the Mozilla roots that ship with Node (tls.rootCertificates), decoded once per process,
 * plus trust files the user adds.
 * STUB (owner: chain-doctor).
 */
import type { PoolCert } from './types';

export function systemRoots(): readonly PoolCert[] {
  return [];
}
