/**
 * The key a CSR is made for, as the lints and commands see it: a key spec to generate, or a private key open in
 * the workbench (its real facts, RSA modulus included, so weak-key tests such as ROCA can run on it).
 */
import type { KeyChoiceDto, KeySpecName } from '../api/dto';
import { privateKeyFacts } from '../pki/crypto';
import { PkiError } from '../pki/errors';
import { keyFactsForSpec, keyFactsForSpki, type LintKeyFacts } from '../pki/x509/lints';
import type { Session } from './session';

export interface ResolvedKey {
  /** The spec to generate, or the spec the open key corresponds to (for the equivalent commands); null when none does. */
  spec: KeySpecName | null;
  facts: LintKeyFacts;
  /** The open key (main only): PKCS#8 DER, with its object id and row label. */
  existing: { objectId: string; pkcs8: Uint8Array; label: string } | null;
}

export function resolveKey(session: Session, choice: KeyChoiceDto): ResolvedKey {
  if ('generate' in choice) return { spec: choice.generate, facts: keyFactsForSpec(choice.generate), existing: null };
  const [object] = session.collect({ objectIds: [choice.objectId] });
  if (!object) throw new PkiError('NOT_FOUND', 'That key is no longer open.', 'Open the key file again, or make a new key.');
  if (object.raw.kind !== 'privateKey') {
    throw new PkiError('INVALID_ARGUMENT', `${object.row.label} is not a private key.`, 'Choose a private key that is open in the workbench (unlock its file first), or make a new key.');
  }
  const pkcs8 = object.raw.pkcs8;
  const { spec: _spec, ...facts } = keyFactsOf(pkcs8);
  return { spec: null, facts, existing: { objectId: object.id, pkcs8, label: object.row.label } };
}

/** What the lints need from a real key (the RSA modulus too); UNSUPPORTED_ALGORITHM from the crypto port for a key it cannot use. */
export function keyFactsOf(pkcs8: Uint8Array): LintKeyFacts & { spec: KeySpecName | null } {
  const facts = keyFactsForSpki(privateKeyFacts(pkcs8).spki);
  return { ...facts, spec: specOf(facts.algorithm, facts.size, facts.curve) };
}

function specOf(algorithm: LintKeyFacts['algorithm'], size: number | null, curve: string | null): KeySpecName | null {
  if (algorithm === 'RSA' && (size === 2048 || size === 3072 || size === 4096)) return `rsa:${size}`;
  if (algorithm === 'EC' && (curve === 'P-256' || curve === 'P-384' || curve === 'P-521')) return `ec:${curve}`;
  if (algorithm === 'Ed25519') return 'ed25519';
  return null;
}
