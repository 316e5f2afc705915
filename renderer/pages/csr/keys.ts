/** The keys the wizard offers, in the user's words, and the open private keys a CSR can reuse. */
import type { DocumentDto, KeySpecName, ObjectSummaryDto, SignatureHash } from '../../../main/api/dto';

export interface KeyOption {
  name: KeySpecName;
  label: string;
  note: string;
  /** Said in a warning when chosen. */
  warning?: string;
}

export const KEY_OPTIONS: readonly KeyOption[] = [
  { name: 'rsa:2048', label: 'RSA 2048', note: 'Accepted everywhere; the usual choice.' },
  { name: 'rsa:3072', label: 'RSA 3072', note: 'Stronger; a little slower to make and use.' },
  { name: 'rsa:4096', label: 'RSA 4096', note: 'For CAs that ask for it; takes a few seconds to make.' },
  { name: 'ec:P-256', label: 'EC P-256', note: 'Small and fast; modern servers and clients.' },
  { name: 'ec:P-384', label: 'EC P-384', note: 'Stronger EC.' },
  { name: 'ec:P-521', label: 'EC P-521', note: 'Some CAs and browsers do not take it.' },
  { name: 'ed25519', label: 'Ed25519', note: 'Modern, for your own systems.', warning: 'Public CAs refuse Ed25519 keys: choose RSA or EC P-256 for a certificate from a public CA.' },
];

export const HASHES: readonly { hash: SignatureHash; label: string }[] = [
  { hash: 'sha256', label: 'SHA-256 (recommended)' },
  { hash: 'sha384', label: 'SHA-384' },
  { hash: 'sha512', label: 'SHA-512' },
  { hash: 'sha1', label: 'SHA-1 (refused by CAs: only for very old systems)' },
];

export const keyOption = (name: KeySpecName) => KEY_OPTIONS.find((k) => k.name === name)!;

export interface OpenKey {
  objectId: string;
  label: string;
  /** The file it is in. */
  documentName: string;
}

/** Private keys open in the workbench (each once), for "use a key I already have". */
export function openKeys(documents: readonly DocumentDto[]): OpenKey[] {
  const seen = new Set<string>();
  const out: OpenKey[] = [];
  for (const d of documents) {
    for (const o of d.objects) {
      if (o.kind !== 'privateKey' || o.duplicateOf) continue;
      const id = o.spkiSha256 ?? o.id;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ objectId: o.id, label: keyLabel(o), documentName: d.name });
    }
  }
  return out;
}

function keyLabel(o: ObjectSummaryDto): string {
  return o.alias ? `${o.label} (${o.alias})` : o.label;
}
