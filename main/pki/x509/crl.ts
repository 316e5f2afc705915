/** Decodes an X.509 CRL: issuer, dates, revoked entries (the first ones in full), extensions. */
import type { CrlDto, ExtensionDto, RevokedEntryDto } from '../../api/dto';
import { digest } from '../crypto';
import { children, contextNumber, expectTag, hex, integerHex, isoTimeOrNull, oidOf, readRoot, readTlv, Tag, value } from '../der/der';
import { toPem } from '../formats/pem-blocks';
import { decodeExtensions } from './extensions';
import { CRL_REASONS } from './extensions/small-extensions';
import { formatName, nameParts } from './name';
import { SIGNATURE_ALGORITHMS } from './oids';

export type CrlFacts = Omit<CrlDto, 'id' | 'alias' | 'location' | 'matchGroup'>;

const SHOWN_ENTRIES = 200;

export function parseCrl(der: Uint8Array): CrlFacts {
  const root = expectTag(readRoot(der, 'CRL'), Tag.Sequence, 'CRL');
  const [tbs, sigAlg] = children(root, 'CRL');
  const f = children(expectTag(tbs, Tag.Sequence, 'CRL body'), 'CRL body');
  let i = 0;
  if (f[i]?.tag === Tag.Integer) i++;
  i++; // signature algorithm
  const issuerParts = nameParts(expectTag(f[i++], Tag.Sequence, 'CRL issuer'));
  const thisUpdate = isoTimeOrNull(f[i++]);
  let nextUpdate: string | null = null;
  if (f[i] && (f[i].tag === Tag.UtcTime || f[i].tag === Tag.GeneralizedTime)) nextUpdate = isoTimeOrNull(f[i++]);
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
      revoked.push({ serial: integerHex(e[0]), revocationDate: isoTimeOrNull(e[1]) ?? 'invalid time', reason });
    }
  }
  let extensions: ExtensionDto[] = [];
  let crlNumber: string | null = null;
  if (f[i] && contextNumber(f[i]) === 0) {
    const decoded = decodeExtensions(children(f[i], 'CRL extensions')[0]);
    extensions = decoded.extensions;
    crlNumber = decoded.facts.crlNumber;
  }
  const sigOid = oidOf(children(expectTag(sigAlg, Tag.Sequence, 'signature algorithm'), 'signature algorithm')[0]);
  return {
    kind: 'crl',
    problems: [],
    issuer: formatName(issuerParts),
    issuerParts,
    thisUpdate,
    nextUpdate,
    revokedCount,
    revoked,
    crlNumber,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
    extensions,
    sha256: hex(digest('sha256', der)),
    sha1: hex(digest('sha1', der)),
    pem: toPem('X509 CRL', der),
  };
}
