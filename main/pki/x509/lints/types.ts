/** What every lint rule sees and returns: one input shape for the form and for an opened CSR. */
import type { CsrProblemDto, SanType, SelfSignDto, SignatureHash } from '../../../api/dto';

/** What the lints know of the key: from a key spec before generation, or from a real public key. */
export interface LintKeyFacts {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'other';
  /** RSA modulus bits; EC field bits. */
  size: number | null;
  curve: string | null;
  /** RSA only, when the key exists (weak-key tests such as ROCA). */
  modulus?: bigint;
}

/** One subject attribute in encoded order; `type` is the OpenSSL short name (CN, C ...) or a dotted OID. */
export interface LintAttribute {
  type: string;
  value: string;
  /** 'subject.N': the form's row (or the Nth attribute of an opened CSR). */
  field: string;
}

/**
 * A name the certificate will be valid for. `origin`:
 * - 'san': in the subjectAltName as given;
 * - 'cn-as-san': the CN, added to the SANs by the "add the CN as a SAN" switch;
 * - 'cn': a host-like CN that is not among the SANs (old-style requests that name the server only in the CN).
 */
export interface LintName {
  type: SanType | 'other';
  value: string;
  field: string;
  origin: 'san' | 'cn-as-san' | 'cn';
}

export interface LintInput {
  /** 'form': nothing is made yet (csr.check); 'csr': an opened request. */
  source: 'form' | 'csr';
  subject: LintAttribute[];
  names: LintName[];
  key: LintKeyFacts;
  /** The hash the request is (or will be) signed with; null for Ed25519 and unknown algorithms. */
  signatureHash: SignatureHash | 'md5' | 'other' | null;
  /** How the signature algorithm is named to people ("sha1WithRSAEncryption"), for messages. */
  signatureAlgorithm: string;
  keyUsage: string[];
  extendedKeyUsage: string[];
  challengePassword: boolean;
  /** Opened CSRs only: does the self-signature verify ('unchecked': an algorithm Certbench cannot verify). */
  signature: 'valid' | 'invalid' | 'unchecked' | null;
  selfSign: SelfSignDto | null;
}

export type Severity = CsrProblemDto['severity'];

/** What a rule reports; the runner adds the rule text and severity. */
export interface LintFinding {
  code: string;
  message: string;
  field?: string;
  /** Overrides the rule's severity for this finding (e.g. P-521 warns where other curves fail). */
  severity?: Severity;
}

export interface LintRule {
  /** zlint-style id: e_ (error), w_ (warning), n_ (notice/info) + what it checks. */
  id: string;
  /** The public rule it follows: "RFC 5280 4.1.2.4", "CA/B Forum BR 7.1.4.2.1", "ROCA (CVE-2017-15361)". */
  rule: string;
  severity: Severity;
  check(input: LintInput): LintFinding[];
}
