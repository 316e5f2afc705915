/**
 * The four policy extensions of one certificate, as RFC 5280 6.1 processing needs them (qualifiers are ignored,
 * as 6.1.3 (d) allows). Reads ChainCert's raw extension TLVs; a malformed extension throws PkiError CORRUPT.
 */
import { children, contextNumber, DerError, expectTag, oidOf, Tag, value, type Tlv } from '../der/der';
import { EXT, type ChainCert } from './chain-cert';

export const ANY_POLICY = '2.5.29.32.0';

export interface CertPolicyFacts {
  /** certificatePolicies' policy identifiers in order; null when the extension is absent. */
  policies: string[] | null;
  /** policyMappings as [issuerDomainPolicy, subjectDomainPolicy] pairs; null when absent. */
  mappings: [string, string][] | null;
  /** policyConstraints' requireExplicitPolicy / inhibitPolicyMapping SkipCerts; null when absent. */
  requireExplicitPolicy: number | null;
  inhibitPolicyMapping: number | null;
  /** inhibitAnyPolicy SkipCerts; null when absent. */
  inhibitAnyPolicy: number | null;
}

export function certPolicyFacts(cert: ChainCert): CertPolicyFacts {
  const policies = cert.extensions.get(EXT.certificatePolicies);
  const mappings = cert.extensions.get(EXT.policyMappings);
  const constraints = cert.extensions.get(EXT.policyConstraints);
  const inhibitAny = cert.extensions.get(EXT.inhibitAnyPolicy);
  const facts: CertPolicyFacts = {
    policies: policies ? children(expectTag(policies.value, Tag.Sequence, 'certificate policies'), 'policy information').map((info) => oidOf(expectTag(children(expectTag(info, Tag.Sequence, 'policy information'), 'policy information')[0], Tag.Oid, 'policy identifier'))) : null,
    mappings: mappings ? children(expectTag(mappings.value, Tag.Sequence, 'policy mappings'), 'policy mapping').map(readMapping) : null,
    requireExplicitPolicy: null,
    inhibitPolicyMapping: null,
    inhibitAnyPolicy: inhibitAny ? skipCerts(expectTag(inhibitAny.value, Tag.Integer, 'inhibit any policy')) : null,
  };
  if (constraints) {
    for (const field of children(expectTag(constraints.value, Tag.Sequence, 'policy constraints'), 'policy constraint')) {
      const n = contextNumber(field);
      if (n === 0) facts.requireExplicitPolicy = skipCerts(field);
      else if (n === 1) facts.inhibitPolicyMapping = skipCerts(field);
    }
  }
  return facts;
}

function readMapping(mapping: Tlv): [string, string] {
  const [issuerDomain, subjectDomain] = children(expectTag(mapping, Tag.Sequence, 'policy mapping'), 'policy mapping');
  return [oidOf(expectTag(issuerDomain, Tag.Oid, 'issuer domain policy')), oidOf(expectTag(subjectDomain, Tag.Oid, 'subject domain policy'))];
}

/** SkipCerts ::= INTEGER (0..MAX), possibly implicitly tagged; huge values are as good as "never". */
function skipCerts(t: Tlv): number {
  const v = value(t);
  if (v.length === 0 || v[0] & 0x80) throw new DerError('a SkipCerts count is empty or negative');
  if (v.length > 6) return Number.MAX_SAFE_INTEGER;
  return v.reduce((n, b) => n * 256 + b, 0);
}
