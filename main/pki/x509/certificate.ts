/** Decodes an X.509 certificate into everything the inspector shows (CLI.md inspect fields and more). */
import type { CertificateDto, ExtensionDto, NamePart } from '../../api/dto';
import { digest } from '../crypto';
import { children, contextNumber, expectTag, hex, isoTimeOrNull, oidOf, readRoot, smallInt, Tag, value, whole, type Tlv } from '../der/der';
import { derSha256 } from '../der-fingerprint';
import { decodeExtensions, emptyFacts, type ExtensionFacts } from './extensions';
import { readName } from './name';
import { algorithmName } from './oids';
import { invalidTime, problem, signatureMismatch, type Problem } from './problems';
import { readSerial } from './serial';
import { spkiFacts } from './spki';

/** Everything decoded from the DER alone; the workbench adds ids, aliases and matches. */
export type CertificateFacts = Omit<CertificateDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'trusted' | 'hasPrivateKey' | 'daysLeft' | 'validity' | 'pem'> & {
  spkiDer: Uint8Array;
};

const DAY = 86_400_000;

/** The fields of a certificate as TLVs into its DER: what parseCertificate decodes and chain ordering links. */
export interface CertificateFields {
  readonly tbs: Tlv;
  readonly signatureAlgorithm: Tlv;
  /** The BIT STRING holding the signature. */
  readonly signature: Tlv;
  readonly version: number;
  readonly serial: Tlv;
  /** The signature algorithm inside the signed part (must equal signatureAlgorithm). */
  readonly innerAlgorithm: Tlv;
  readonly issuer: Tlv;
  readonly validity: readonly Tlv[];
  readonly subject: Tlv;
  readonly spki: Tlv;
  /** The Extensions SEQUENCE, when the certificate has one. */
  readonly extensions: Tlv | null;
}

/**
 * Fields by the very DER array they were read from: converting a keystore reads each certificate's fields in
 * every step (is it readable, linking the chains, checking the writer's input, matching its key). The TLVs
 * are read, never changed, by everyone who gets them.
 */
const fieldsOf = new WeakMap<Uint8Array, CertificateFields>();

export function certificateFields(der: Uint8Array): CertificateFields {
  let fields = fieldsOf.get(der);
  if (!fields) {
    fields = readFields(der);
    fieldsOf.set(der, fields);
  }
  return fields;
}

function readFields(der: Uint8Array): CertificateFields {
  const root = expectTag(readRoot(der, 'certificate'), Tag.Sequence, 'certificate');
  const [tbs, signatureAlgorithm, signature] = children(root, 'certificate');
  expectTag(tbs, Tag.Sequence, 'certificate body');
  expectTag(signatureAlgorithm, Tag.Sequence, 'signature algorithm');
  expectTag(signature, Tag.BitString, 'signature');
  const f = children(tbs, 'certificate body');
  let i = 0;
  let version = 1;
  if (contextNumber(f[0]) === 0) {
    version = (smallInt(expectTag(children(f[0], 'version')[0], Tag.Integer, 'version')) ?? 0) + 1;
    i++;
  }
  const serial = expectTag(f[i++], Tag.Integer, 'serial number');
  const innerAlgorithm = expectTag(f[i++], Tag.Sequence, 'signature algorithm');
  const issuer = expectTag(f[i++], Tag.Sequence, 'issuer');
  const validity = children(expectTag(f[i++], Tag.Sequence, 'validity'), 'validity');
  const subject = expectTag(f[i++], Tag.Sequence, 'subject');
  const spki = expectTag(f[i++], Tag.Sequence, 'public key info');
  let extensions: Tlv | null = null;
  for (; i < f.length; i++) {
    if (contextNumber(f[i]) === 3) extensions = expectTag(children(f[i], 'extensions')[0], Tag.Sequence, 'extensions');
  }
  return { tbs, signatureAlgorithm, signature, version, serial, innerAlgorithm, issuer, validity, subject, spki, extensions };
}

export function parseCertificate(der: Uint8Array): CertificateFacts {
  const fields = certificateFields(der);
  const { version, innerAlgorithm: innerAlg, issuer: issuerTlv, validity, subject: subjectTlv, spki, signatureAlgorithm: sigAlg } = fields;
  const serial = readSerial(fields.serial);
  let extensions: ExtensionDto[] = [];
  let facts: ExtensionFacts = emptyFacts();
  if (fields.extensions) ({ extensions, facts } = decodeExtensions(fields.extensions));
  const subject = readName(subjectTlv);
  const issuer = readName(issuerTlv);
  const publicKey = spkiFacts(spki);
  const signatureAlgorithm = algorithmName(oidOf(children(sigAlg, 'signature algorithm')[0]));
  const sameName = equalBytes(value(subjectTlv), value(issuerTlv));
  const notBefore = isoTimeOrNull(validity[0]);
  const notAfter = isoTimeOrNull(validity[1]);
  const problems: Problem[] = [];
  if (version > 3 || version < 1) problems.push(problem('BAD_VERSION', 'error', `The certificate says it is version ${version}; X.509 has versions 1, 2 and 3.`));
  if (serial.negative) problems.push(problem('NEGATIVE_SERIAL', 'warning', `The serial number ${serial.text} is negative; RFC 5280 4.1.2.2 requires a positive one, and some software rejects it.`));
  else if (serial.octets === 0) problems.push(problem('BAD_SERIAL', 'error', 'The serial number is empty: an INTEGER with no content octets (X.690 8.3.1).'));
  else if (/^0*$/.test(serial.text)) problems.push(problem('ZERO_SERIAL', 'info', 'The serial number is zero; RFC 5280 4.1.2.2 asks for a positive one (some old roots use zero).'));
  if (serial.octets > 20) problems.push(problem('SERIAL_TOO_LONG', 'warning', `The serial number is ${serial.octets} bytes long; RFC 5280 4.1.2.2 allows at most 20.`));
  if (!equalBytes(whole(innerAlg), whole(sigAlg))) {
    problems.push(signatureMismatch(algorithmName(oidOf(children(innerAlg, 'signature algorithm')[0])), signatureAlgorithm, 'certificate'));
  }
  if (notBefore === null) problems.push(invalidTime('notBefore'));
  if (notAfter === null) problems.push(invalidTime('notAfter'));
  if (extensions.length > 0 && version !== 3) problems.push(problem('EXTENSIONS_NOT_V3', 'warning', `The certificate has extensions but says it is version ${version}; extensions need version 3.`));
  problems.push(...subject.problems.map((p) => ({ ...p, message: `Subject: ${p.message}` })), ...issuer.problems.map((p) => ({ ...p, message: `Issuer: ${p.message}` })));
  if (subject.parts.length === 0) {
    const san = extensions.find((e) => e.oid === '2.5.29.17');
    if (!san) problems.push(problem('EMPTY_SUBJECT', 'error', 'The subject is empty and there is no subject alternative name: the certificate names nobody (RFC 5280 4.1.2.6).'));
    else if (!san.critical) problems.push(problem('EMPTY_SUBJECT', 'warning', 'The subject is empty, so the subject alternative name extension must be critical (RFC 5280 4.2.1.6); it is not.'));
  }
  problems.push(...facts.problems);
  return {
    kind: 'certificate',
    problems,
    subject: subject.text,
    issuer: issuer.text,
    subjectParts: subject.parts,
    issuerParts: issuer.parts,
    serial: serial.text,
    version,
    notBefore,
    notAfter,
    sha256: derSha256(der),
    sha1: hex(digest('sha1', der)),
    spkiSha256: publicKey.spkiSha256,
    keyAlgorithm: publicKey.keyAlgorithm,
    keySize: publicKey.keySize,
    curve: publicKey.curve,
    signatureAlgorithm,
    san: facts.san,
    isCA: facts.isCA,
    pathLen: facts.pathLen,
    keyUsage: facts.keyUsage,
    extendedKeyUsage: facts.extendedKeyUsage,
    selfSigned: sameName && keyIdsAgree(facts),
    publicKey,
    extensions,
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
