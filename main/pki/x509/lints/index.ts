/** CSR lints, one rule per file (zlint style), each named after the public rule it follows (issue 12). Owner: csr-lints. */
import type { CsrProblemDto, CsrSpecDto, KeySpecName, SelfSignDto } from '../../../api/dto';

/** What the lints know of the key: from a key spec before generation, or from a real public key. */
export interface LintKeyFacts {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'other';
  /** RSA modulus bits; EC field bits. */
  size: number | null;
  curve: string | null;
  /** RSA only, when the key exists (weak-key tests such as ROCA). */
  modulus?: bigint;
}

export function keyFactsForSpec(name: KeySpecName): LintKeyFacts {
  void name;
  return { algorithm: 'other', size: null, curve: null };
}

/** Lints the form before anything is made: errors block csr.create, warnings and info are shown. */
export function lintSpec(spec: CsrSpecDto, key: LintKeyFacts, selfSign?: SelfSignDto): CsrProblemDto[] {
  void spec;
  void key;
  void selfSign;
  return [];
}

/** Lints an existing CSR (DER): what an opened CSR shows in its `problems`. */
export function lintCsr(der: Uint8Array): CsrProblemDto[] {
  void der;
  return [];
}
