/** What the chain engine passes between its steps: options, findings, candidate paths. */
import type { ChainCertSource, ChainProblemCode, ChainPurpose } from '../../api/dto';
import type { ChainCert } from './chain-cert';

/** RFC 5280 6.1.1 inputs beyond the path itself (PKITS sets these per case). */
export interface PolicyOptions {
  /** user-initial-policy-set; default {anyPolicy}. */
  initialPolicySet?: string[];
  initialExplicitPolicy?: boolean;
  initialPolicyMappingInhibit?: boolean;
  initialAnyPolicyInhibit?: boolean;
}

export interface ValidationOptions {
  /** Validate at this time (ms since epoch). */
  at: number;
  /** EKU to require of the leaf (and of CAs that carry EKU, as browsers do); null = none. */
  purpose: ChainPurpose | null;
  /** DNS name or IP address literal to match the leaf against (RFC 6125); null = no name check. */
  hostName: string | null;
  policy?: PolicyOptions;
  /** Most certificates a path may have, anchor included (limbo max_chain_depth counts intermediates). */
  maxDepth?: number;
  /** Certificates within this many days of notAfter get EXPIRING_SOON (warning). Default 30; 0 = never. */
  expiringSoonDays?: number;
}

/** One thing wrong with a path, before diagnosis words it for people. */
export interface Finding {
  code: ChainProblemCode;
  severity: 'error' | 'warning' | 'info';
  /** Index of the certificate in the path (0 = leaf); null for the path as a whole. */
  index: number | null;
  /** Technical detail for the message ("pathLenConstraint 0 of CN=Sub CA allows no further CA"). */
  detail: string;
}

/** A certificate in the pool the builder draws from, with where it came from. */
export interface PoolCert {
  cert: ChainCert;
  source: ChainCertSource;
  /** Trust anchor (trust store or a trust file the user gave). */
  trusted: boolean;
  /** The AIA URL it was downloaded from. */
  url?: string;
}

/** One candidate path, leaf first; `anchored` when its last certificate is a trust anchor. */
export interface CandidatePath {
  certs: PoolCert[];
  anchored: boolean;
  findings: Finding[];
  /** No finding of severity 'error'. */
  valid: boolean;
}
