/** Decodes an X.509 certificate into everything the inspector shows (CLI.md inspect fields and more). */
import type { CertificateDto, ExtensionDto, NamePart } from '../../api/dto';
import { digest } from '../crypto';
import { children, contextNumber, expectTag, hex, integerHex, isoTimeOrNull, oidOf, readRoot, smallInt, Tag, value, whole } from '../der/der';
import { decodeExtensions, emptyFacts, type ExtensionFacts } from './extensions';
import { formatName, nameParts } from './name';
import { SIGNATURE_ALGORITHMS } from './oids';
import { toPem } from '../formats/pem-blocks';
import { spkiFacts } from './spki';

/** Everything decoded from the DER alone; the workbench adds ids, aliases and matches. */
export type CertificateFacts = Omit<CertificateDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'trusted' | 'hasPrivateKey' | 'daysLeft' | 'validity'> & {
  spkiDer: Uint8Array;
};

const DAY = 86_400_000;

export function parseCertificate(der: Uint8Array): CertificateFacts {
  const root = expectTag(readRoot(der, 'certificate'), Tag.Sequence, 'certificate');
  const [tbs, sigAlg, sigValue] = children(root, 'certificate');
  expectTag(tbs, Tag.Sequence, 'certificate body');
  expectTag(sigAlg, Tag.Sequence, 'signature algorithm');
  expectTag(sigValue, Tag.BitString, 'signature');
  const f = children(tbs, 'certificate body');
  let i = 0;
  let version = 1;
  if (contextNumber(f[0]) === 0) {
    version = (smallInt(children(f[0], 'version')[0]) ?? 0) + 1;
    i++;
  }
  const serial = integerHex(expectTag(f[i++], Tag.Integer, 'serial number'));
  i++; // inner signature algorithm (must equal the outer one)
  const issuerTlv = expectTag(f[i++], Tag.Sequence, 'issuer');
  const validity = children(expectTag(f[i++], Tag.Sequence, 'validity'), 'validity');
  const subjectTlv = expectTag(f[i++], Tag.Sequence, 'subject');
  const spki = expectTag(f[i++], Tag.Sequence, 'public key info');
  let extensions: ExtensionDto[] = [];
  let facts: ExtensionFacts = emptyFacts();
  for (; i < f.length; i++) {
    if (contextNumber(f[i]) === 3) ({ extensions, facts } = decodeExtensions(expectTag(children(f[i], 'extensions')[0], Tag.Sequence, 'extensions')));
  }
  const subjectParts = nameParts(subjectTlv);
  const issuerParts = nameParts(issuerTlv);
  const publicKey = spkiFacts(spki);
  const sigOid = oidOf(children(sigAlg, 'signature algorithm')[0]);
  const sameName = equalBytes(value(subjectTlv), value(issuerTlv));
  return {
    kind: 'certificate',
    problems: [],
    subject: formatName(subjectParts),
    issuer: formatName(issuerParts),
    subjectParts,
    issuerParts,
    serial,
    version,
    notBefore: isoTimeOrNull(validity[0]),
    notAfter: isoTimeOrNull(validity[1]),
    sha256: hex(digest('sha256', der)),
    sha1: hex(digest('sha1', der)),
    spkiSha256: publicKey.spkiSha256,
    keyAlgorithm: publicKey.keyAlgorithm,
    keySize: publicKey.keySize,
    curve: publicKey.curve,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
    san: facts.san,
    isCA: facts.isCA,
    pathLen: facts.pathLen,
    keyUsage: facts.keyUsage,
    extendedKeyUsage: facts.extendedKeyUsage,
    selfSigned: sameName && keyIdsAgree(facts),
    publicKey,
    extensions,
    pem: toPem('CERTIFICATE', der),
    spkiDer: whole(spki),
  };
}

/** Days left and validity state at `now`. */
export function validityAt(notBefore: string | null, notAfter: string | null, now: Date): Pick<CertificateDto, 'daysLeft' | 'validity'> {
  if (notBefore === null || notAfter === null) return { daysLeft: null, validity: 'invalid-time' };
  const t = now.getTime();
  const end = Date.parse(notAfter);
  return {
    daysLeft: Math.floor((end - t) / DAY),
    validity: t > end ? 'expired' : t < Date.parse(notBefore) ? 'not-yet-valid' : 'valid',
  };
}

/**
 * Self-issued with matching key identifiers, the way OpenSSL flags self-signed (EXFLAG_SS) without
 * verifying the signature: verifying is the chain doctor's job, and costs 10x the decoding.
 */
function keyIdsAgree(facts: ExtensionFacts): boolean {
  return !facts.authorityKeyId || !facts.subjectKeyId || facts.authorityKeyId === facts.subjectKeyId;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type { NamePart };
