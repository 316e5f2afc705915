/** LintKeyFacts for a key spec (before the key exists) and for a real public key (SubjectPublicKeyInfo DER). */
import type { KeySpecName } from '../../../api/dto';
import { readRoot } from '../../der/der';
import { spkiFacts } from '../spki';
import { rsaModulusOf } from '../spki-modulus';
import type { LintKeyFacts } from './types';

export function keyFactsForSpec(name: KeySpecName): LintKeyFacts {
  const [kind, param] = name.split(':');
  if (kind === 'rsa') return { algorithm: 'RSA', size: Number(param), curve: null };
  if (kind === 'ec') return { algorithm: 'EC', size: { 'P-256': 256, 'P-384': 384, 'P-521': 521 }[param] ?? null, curve: param };
  return { algorithm: 'Ed25519', size: 256, curve: null };
}

/** For a key that exists (reused from the workbench, or just made): with the RSA modulus for the weak-key tests. */
export function keyFactsForSpki(spkiDer: Uint8Array): LintKeyFacts {
  const spki = readRoot(spkiDer, 'public key info');
  const f = spkiFacts(spki);
  const a = f.keyAlgorithm === 'RSA-PSS' ? 'RSA' : f.keyAlgorithm;
  const algorithm = a === 'RSA' || a === 'EC' || a === 'Ed25519' || a === 'Ed448' || a === 'DSA' ? a : 'other';
  const modulus = algorithm === 'RSA' ? rsaModulusOf(spki) : null;
  return { algorithm, size: f.keySize, curve: f.curve, ...(modulus !== null ? { modulus } : {}) };
}
