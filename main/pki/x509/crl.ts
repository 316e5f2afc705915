/** Decodes an X.509 CRL: issuer, dates, revoked entries (the first ones in full), extensions. */
import type { CrlDto, ExtensionDto, RevokedEntryDto } from '../../api/dto';
import { digest } from '../crypto';
import { children, contextNumber, expectTag, hex, isoTimeOrNull, oidOf, readRoot, readTlv, smallInt, Tag, value, whole } from '../der/der';
import { decodeExtensions } from './extensions';
import { CRL_REASONS } from './extensions/small-extensions';
import { equalBytes } from './certificate';
import { readName } from './name';
import { invalidTime, problem, signatureMismatch, type Problem } from './problems';
import { readSerial } from './serial';
import { algorithmName } from './oids';

export type CrlFacts = Omit<CrlDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'pem'>;

const SHOWN_ENTRIES = 200;

export function parseCrl(der: Uint8Array): CrlFacts {
  const root = expectTag(readRoot(der, 'CRL'), Tag.Sequence, 'CRL');
  const [tbs, sigAlg] = children(root, 'CRL');
  const f = children(expectTag(tbs, Tag.Sequence, 'CRL body'), 'CRL body');
  let i = 0;
  const problems: Problem[] = [];
  if (f[i]?.tag === Tag.Integer) {
    const version = smallInt(f[i++]);
    if (version !== 0 && version !== 1) problems.push(problem('BAD_VERSION', 'error', `The CRL says it is version ${version === null ? '(too large)' : version + 1}; CRLs have versions 1 and 2.`));
  }
  const innerAlg = expectTag(f[i++], Tag.Sequence, 'signature algorithm');
  const issuer = readName(expectTag(f[i++], Tag.Sequence, 'CRL issuer'));
  const thisUpdate = isoTimeOrNull(f[i++]);
  if (thisUpdate === null) problems.push(invalidTime('thisUpdate'));
  let nextUpdate: string | null = null;
  if (f[i] && (f[i].tag === Tag.UtcTime || f[i].tag === Tag.GeneralizedTime)) {
    nextUpdate = isoTimeOrNull(f[i++]);
    if (nextUpdate === null) problems.push(invalidTime('nextUpdate'));
  }
  const revoked: RevokedEntryDto[] = [];
  let revokedCount = 0;
  if (f[i]?.tag === Tag.Sequence) {
    const entries = children(f[i++], 'revoked certificate');
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
  if (f[i] && contextNumber(f[i]) === 0) {
    const decoded = decodeExtensions(children(f[i], 'CRL extensions')[0]);
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
