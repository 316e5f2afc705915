/** The lint input for the form (csr.check): the spec as it will be written, with "add the CN as a SAN" applied. */
import type { CsrSpecDto, SelfSignDto } from '../../../api/dto';
import { parseIpAddress } from '../ip-address';
import { attributeOid } from '../name-write';
import { NAME_ATTRIBUTES } from '../oids';
import { hostLikeCn, sameName } from './names';
import type { LintInput, LintKeyFacts, LintName } from './types';

/** The short name the reader gives the type ("commonName" and "2.5.4.3" are both CN), so both paths see the same. */
function shortName(type: string): string {
  const oid = attributeOid(type);
  return (oid && NAME_ATTRIBUTES[oid]) || type;
}

export function inputFromSpec(spec: CsrSpecDto, key: LintKeyFacts, selfSign?: SelfSignDto): LintInput {
  const subject = spec.subject.map((a, i) => ({ type: shortName(a.type), value: a.value, field: `subject.${i}` }));
  const names: LintName[] = spec.san.map((s, i) => ({ type: s.type, value: s.value, field: `san.${i}`, origin: 'san' }));
  // The last (most specific) CN, as the CSR writer adds it (requested-extensions.ts subjectAltNames).
  const cn = [...subject].reverse().find((a) => a.type === 'CN' && a.value.trim() !== '');
  if (cn && !names.some((n) => sameName(n, cn.value))) {
    if (spec.cnAsSan) names.push({ type: parseIpAddress(cn.value) ? 'IP' : 'DNS', value: cn.value, field: cn.field, origin: 'cn-as-san' });
    else {
      const type = hostLikeCn(cn.value);
      if (type) names.push({ type, value: cn.value, field: cn.field, origin: 'cn' });
    }
  }
  const ed = key.algorithm === 'Ed25519' || key.algorithm === 'Ed448';
  return {
    source: 'form',
    subject,
    names,
    key,
    signatureHash: ed ? null : spec.signatureHash,
    signatureAlgorithm: ed ? key.algorithm : spec.signatureHash.toUpperCase().replace('SHA', 'SHA-'),
    keyUsage: spec.keyUsage,
    extendedKeyUsage: spec.extendedKeyUsage,
    challengePassword: spec.challengePassword !== undefined && spec.challengePassword !== '',
    signature: null,
    selfSign: selfSign ?? null,
  };
}
