/** Decodes an X.509 CRL: issuer, dates, revoked entries (the first ones in full), extensions. */
import type { CrlDto, ExtensionDto, RevokedEntryDto } from '../../api/dto';
import { digest } from '../crypto';
import { children, contextNumber, expectTag, hex, isoTimeOrNull, oidOf, readRoot, readTlv, smallInt, Tag, value, whole, type Tlv } from '../der/der';
import { decodeExtensions } from './extensions';
import { CRL_REASONS } from './extensions/small-extensions';
import { equalBytes } from './certificate';
import { readName } from './name';
import { invalidTime, problem, signatureMismatch, type Problem } from './problems';
import { readSerial } from './serial';
import { algorithmName } from './oids';

export type CrlFacts = Omit<CrlDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'pem'>;

const SHOWN_ENTRIES = 200;

/** The fields of a CRL as TLVs, for readers that decode only what they need (display here, checking in revocation/). */
export interface CrlParts {
  /** TBSCertList: the signed bytes are whole(tbs). */
  tbs: Tlv;
  version: Tlv | null;
  innerAlgorithm: Tlv;
  issuer: Tlv;
  thisUpdate: Tlv | undefined;
  nextUpdate: Tlv | null;
  /** SEQUENCE OF revoked certificate entries; null when the CRL lists none. */
  revoked: Tlv | null;
  /** The Extensions SEQUENCE inside [0]; null when absent. */
  extensions: Tlv | null;
  signatureAlgorithm: Tlv;
  /** The signature BIT STRING; undefined when missing (the Inspector still shows such a CRL). */
  signature: Tlv | undefined;
}

/** Splits a CRL into its fields; throws PkiError CORRUPT when the outline is not a CRL. Times are not decoded. */
export function crlParts(der: Uint8Array): CrlParts {
  const root = expectTag(readRoot(der, 'CRL'), Tag.Sequence, 'CRL');
  const [tbs, sigAlg, signature] = children(root, 'CRL');
  const f = children(expectTag(tbs, Tag.Sequence, 'CRL body'), 'CRL body');
  let i = 0;
  const version = f[i]?.tag === Tag.Integer ? f[i++] : null;
  const innerAlgorithm = expectTag(f[i++], Tag.Sequence, 'signature algorithm');
  const issuer = expectTag(f[i++], Tag.Sequence, 'CRL issuer');
  const thisUpdate = f[i++];
  const nextUpdate = f[i] && (f[i].tag === Tag.UtcTime || f[i].tag === Tag.GeneralizedTime) ? f[i++] : null;
  const revoked = f[i]?.tag === Tag.Sequence ? f[i++] : null;
  const extensions = f[i] && contextNumber(f[i]) === 0 ? children(f[i], 'CRL extensions')[0] ?? null : null;
  return { tbs, version, innerAlgorithm, issuer, thisUpdate, nextUpdate, revoked, extensions, signatureAlgorithm: expectTag(sigAlg, Tag.Sequence, 'signature algorithm'), signature };
}

export function parseCrl(der: Uint8Array): CrlFacts {
  const parts = crlParts(der);
  const problems: Problem[] = [];
  if (parts.version) {
    const version = smallInt(parts.version);
    if (version !== 0 && version !== 1) problems.push(problem('BAD_VERSION', 'error', `The CRL says it is version ${version === null ? '(too large)' : version + 1}; CRLs have versions 1 and 2.`));
  }
  const innerAlg = parts.innerAlgorithm;
  const sigAlg = parts.signatureAlgorithm;
  const issuer = readName(parts.issuer);
  const thisUpdate = isoTimeOrNull(parts.thisUpdate);
  if (thisUpdate === null) problems.push(invalidTime('thisUpdate'));
  let nextUpdate: string | null = null;
  if (parts.nextUpdate) {
    nextUpdate = isoTimeOrNull(parts.nextUpdate);
    if (nextUpdate === null) problems.push(invalidTime('nextUpdate'));
  }
  const revoked: RevokedEntryDto[] = [];
  let revokedCount = 0;
  if (parts.revoked) {
    const entries = children(parts.revoked, 'revoked certificate');
    revokedCount = entries.length;
    for (const entry of entries.slice(0, SHOWN_ENTRIES)) {
      const e = children(entry, 'revoked certificate');
      let reason: string | null = null;
      if (e[2]) {
        for (const ext of children(e[2], 'entry extension')) {
          const [id, octets] = children(ext, 'entry extension');
          if (oidOf(id) === '2.5.29.21') reason = CRL_REASONS[value(readTlv(octets.bytes, octets.valueStart, octets.end))[0]] ?? null;
        }
      }
      revoked.push({ serial: readSerial(expectTag(e[0], Tag.Integer, 'revoked serial')).text, revocationDate: isoTimeOrNull(e[1]) ?? 'invalid time', reason });
    }
  }
  let extensions: ExtensionDto[] = [];
  let crlNumber: string | null = null;
  if (parts.extensions) {
    const decoded = decodeExtensions(parts.extensions);
    extensions = decoded.extensions;
    crlNumber = decoded.facts.crlNumber;
    problems.push(...decoded.facts.problems);
  }
  const sigOid = oidOf(children(expectTag(sigAlg, Tag.Sequence, 'signature algorithm'), 'signature algorithm')[0]);
  if (!equalBytes(whole(innerAlg), whole(sigAlg))) problems.unshift(signatureMismatch(algorithmName(oidOf(children(innerAlg, 'signature algorithm')[0])), algorithmName(sigOid), 'CRL'));
  return {
    kind: 'crl',
    problems: [...problems, ...issuer.problems.map((p) => ({ ...p, message: `Issuer: ${p.message}` }))],
    issuer: issuer.text,
    issuerParts: issuer.parts,
    thisUpdate,
    nextUpdate,
    revokedCount,
    revoked,
    crlNumber,
    signatureAlgorithm: algorithmName(sigOid),
    extensions,
    sha256: hex(digest('sha256', der)),
    sha1: hex(digest('sha1', der)),
  };
}
