/**
 * Decides from the AlgorithmIdentifier alone (pure JS) whether Certbench can use a key. node:crypto would
 * accept more than Electron's BoringSSL does (Ed448, secp256k1, brainpool, RSA-PSS, DSA), so it is not asked.
 */
import * as a from '../der/asn1';
import { KEY_OID, OTHER_CURVES, OTHER_KEY_ALGORITHMS, SUPPORTED_CURVES } from './oids';

export type KeyAlgorithmVerdict =
  | { supported: true; name: 'RSA' | 'EC' | 'Ed25519'; curve?: 'P-256' | 'P-384' | 'P-521' }
  /** `subject` completes "Certbench does not support … keys yet"; `describe` names the key for listings. */
  | { supported: false; subject: string; describe: (kind: 'private' | 'public') => string };

const other = (subject: string, describe: (kind: 'private' | 'public') => string): KeyAlgorithmVerdict => ({
  supported: false,
  subject,
  describe,
});

/** `algorithm` is the AlgorithmIdentifier SEQUENCE of a PrivateKeyInfo or SubjectPublicKeyInfo. */
export function judgeAlgorithm(algorithm: a.Node, where: string): KeyAlgorithmVerdict {
  const [oidNode, params] = a.children(algorithm) ?? [];
  const id = a.oid(oidNode, `${where}: the key algorithm`);
  switch (id) {
    case KEY_OID.rsa:
      return { supported: true, name: 'RSA' };
    case KEY_OID.ed25519:
      return { supported: true, name: 'Ed25519' };
    case KEY_OID.ec:
      return judgeCurve(params);
  }
  const known = OTHER_KEY_ALGORITHMS[id];
  if (known) return other(known, (kind) => `${known} ${kind} key`);
  return other(`OID ${id}`, (kind) => `${kind === 'private' ? 'Private' : 'Public'} key of unknown algorithm (OID ${id})`);
}

function judgeCurve(params: a.Node | undefined): KeyAlgorithmVerdict {
  if (a.isOid(params)) {
    const curveOid = params.valueBlock.toString();
    const curve = SUPPORTED_CURVES[curveOid];
    if (curve) return { supported: true, name: 'EC', curve };
    const name = OTHER_CURVES[curveOid] ?? `OID ${curveOid}`;
    return other(name, (kind) => `EC ${kind} key on curve ${name}`);
  }
  if (a.isSequence(params)) {
    return other('EC with explicit curve parameters', (kind) => `EC ${kind} key with explicit curve parameters`);
  }
  return other('EC without curve parameters', (kind) => `EC ${kind} key without curve parameters`);
}
