/** One decoder per extension (after @peculiar/x509's src/extensions/*.ts): lines to read, facts to use. */
import type { Tlv } from '../../der/der';
import type { Problem } from '../problems';

/** Facts the summary and the CLI fields need from extensions. */
export interface ExtensionFacts {
  san: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  isCA: boolean;
  pathLen: number | null;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  crlNumber: string | null;
  /** What is structurally wrong, from every decoder (decodeExtensions concatenates, never overwrites). */
  problems: Problem[];
}

export interface Decoded {
  lines: string[];
  facts?: Partial<ExtensionFacts>;
}

export interface ExtensionDecoder {
  oid: string;
  /** Decodes the DER inside extnValue (the OCTET STRING's content, as one TLV). */
  decode(inner: Tlv): Decoded;
}
