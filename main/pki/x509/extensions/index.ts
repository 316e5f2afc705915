/** The registry of extension decoders, by OID, and decoding of a certificate's/CSR's extension list. */
import type { ExtensionDto } from '../../../api/dto';
import { children, expectTag, hex, oidOf, readTlv, Tag, value, type Tlv } from '../../der/der';
import { isPkiError } from '../../errors';
import { EXTENSION_NAMES } from '../oids';
import { problem, type Problem } from '../problems';
import { authorityInfoAccess, subjectInfoAccess } from './authority-info-access';
import { authorityKeyIdentifier } from './authority-key-identifier';
import { basicConstraints } from './basic-constraints';
import { certificatePolicies } from './certificate-policies';
import { crlDistributionPoints, freshestCrl } from './crl-distribution-points';
import { crlNumber, deltaCrlIndicator } from './crl-number';
import { extendedKeyUsage } from './extended-key-usage';
import { issuerAltName } from './issuer-alt-name';
import { keyUsage } from './key-usage';
import { nameConstraints } from './name-constraints';
import { sctList } from './sct-list';
import { crlReason, ctPoison, inhibitAnyPolicy, netscapeCertType, netscapeComment, ocspNoCheck, policyConstraints, policyMappings, tlsFeature } from './small-extensions';
import { subjectAltName } from './subject-alt-name';
import { subjectKeyIdentifier } from './subject-key-identifier';
import type { ExtensionDecoder, ExtensionFacts } from './types';

export type { ExtensionFacts } from './types';

const DECODERS = new Map<string, ExtensionDecoder>(
  [
    subjectAltName, issuerAltName, keyUsage, extendedKeyUsage, basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier,
    authorityInfoAccess, subjectInfoAccess, crlDistributionPoints, freshestCrl, certificatePolicies, nameConstraints, sctList,
    crlNumber, deltaCrlIndicator, ctPoison, ocspNoCheck, tlsFeature, inhibitAnyPolicy, policyConstraints, policyMappings,
    netscapeCertType, netscapeComment, crlReason,
  ].map((d) => [d.oid, d]),
);

export function emptyFacts(): ExtensionFacts {
  return { san: [], keyUsage: [], extendedKeyUsage: [], isCA: false, pathLen: null, subjectKeyId: null, authorityKeyId: null, crlNumber: null, problems: [] };
}

/**
 * Decodes `Extensions ::= SEQUENCE OF Extension`; a bad extension is reported on its own (an `error` and a
 * problem), not fatal. Duplicates and unknown critical extensions are problems too.
 */
export function decodeExtensions(seq: Tlv): { extensions: ExtensionDto[]; facts: ExtensionFacts } {
  const facts = emptyFacts();
  const problems: Problem[] = [];
  const extensions: ExtensionDto[] = [];
  const seen = new Set<string>();
  for (const ext of children(seq, 'extension')) {
    const parts = children(ext, 'extension');
    const oid = oidOf(expectTag(parts[0], Tag.Oid, 'extension id'));
    let i = 1;
    let critical = false;
    if (parts[i]?.tag === Tag.Boolean) critical = value(parts[i++])[0] !== 0;
    const octets = expectTag(parts[i], Tag.OctetString, 'extension value');
    const dto: ExtensionDto = { oid, name: EXTENSION_NAMES[oid] ?? oid, critical, lines: [] };
    if (seen.has(oid)) problems.push(problem('DUPLICATE_EXTENSION', 'error', `The ${dto.name} extension appears more than once (RFC 5280 4.2 allows one); programs disagree on which one counts.`));
    seen.add(oid);
    const decoder = DECODERS.get(oid);
    if (!decoder && !EXTENSION_NAMES[oid] && critical) problems.push(problem('UNKNOWN_CRITICAL_EXTENSION', 'warning', `The extension ${dto.name} is marked critical and is not one Certbench knows: software that does not know it must reject this object.`));
    try {
      if (decoder) {
        // Decoded as OpenSSL does (its d2i ignores bytes after the value); the extra bytes are a problem.
        const inner = readTlv(octets.bytes, octets.valueStart, octets.end, dto.name);
        if (inner.end !== octets.end) problems.push(problem('EXTENSION_TRAILING_DATA', 'warning', `The ${dto.name} extension has ${octets.end - inner.end} unexpected bytes after its value.`));
        const decoded = decoder.decode(inner);
        dto.lines = decoded.lines;
        if (decoded.facts) {
          const { problems: found, ...rest } = decoded.facts;
          Object.assign(facts, rest);
          if (found) problems.push(...found);
        }
      } else {
        dto.lines = [hexDump(value(octets))];
      }
    } catch (e) {
      dto.error = isPkiError(e) ? e.message : 'could not be decoded';
      dto.lines = [hexDump(value(octets))];
      problems.push(undecodable(oid, dto.name, dto.error));
    }
    extensions.push(dto);
  }
  facts.problems = problems;
  return { extensions, facts };
}

function undecodable(oid: string, name: string, why: string): Problem {
  const code = oid === '2.5.29.17' ? 'SAN_UNDECODABLE' : 'EXTENSION_UNDECODABLE';
  const what = oid === '2.5.29.17' ? 'The subject alternative names cannot be decoded, so the names this certificate covers are unknown' : `The ${name} extension cannot be decoded`;
  return problem(code, 'error', `${what}: ${why.replace(/^The data is not valid DER \((.*)\)\.$/, '$1')}.`);
}

function hexDump(v: Uint8Array): string {
  const h = hex(v.subarray(0, 256), ':');
  return v.length > 256 ? `${h}… (${v.length} bytes)` : h;
}
