/** Decodes a PKCS#10 certificate signing request and checks its self-signature. */
import type { CsrDto, ExtensionDto } from '../../api/dto';
import { digest, verifySignature } from '../crypto';
import { children, contextNumber, expectTag, hex, oidOf, readRoot, stringOf, Tag, value, whole } from '../der/der';
import { decodeExtensions, emptyFacts } from './extensions';
import { inputFromCsr } from './lints/input-from-csr';
import { runLints } from './lints/run-lints';
import { readName } from './name';
import { algorithmName } from './oids';
import { signatureScheme } from './signature';
import { spkiFacts } from './spki';
import { rsaModulusOf } from './spki-modulus';

export type CsrFacts = Omit<CsrDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'hasPrivateKey' | 'pem'>;

const ATTRIBUTE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.9.7': 'Challenge password',
  '1.2.840.113549.1.9.2': 'Unstructured name',
  '1.3.6.1.4.1.311.13.2.3': 'Microsoft OS version',
  '1.3.6.1.4.1.311.21.20': 'Microsoft request client info',
  '1.3.6.1.4.1.311.13.2.2': 'Microsoft enrollment CSP',
};

/** The request as decoded, with the reader's own problems, and the RSA modulus for the lints' weak-key tests. */
export function readCsr(der: Uint8Array): { facts: CsrFacts; modulus: bigint | null; signatureChecked: boolean } {
  const root = expectTag(readRoot(der, 'certificate request'), Tag.Sequence, 'certificate request');
  const [info, sigAlg, sig] = children(root, 'certificate request');
  const f = children(expectTag(info, Tag.Sequence, 'request body'), 'request body');
  expectTag(f[0], Tag.Integer, 'request version');
  const subject = readName(expectTag(f[1], Tag.Sequence, 'subject'));
  const spki = expectTag(f[2], Tag.Sequence, 'public key info');
  let extensions: ExtensionDto[] = [];
  let extFacts = emptyFacts();
  const attributes: string[] = [];
  if (f[3] && contextNumber(f[3]) === 0) {
    for (const attr of children(f[3], 'attribute')) {
      const [type, values] = children(attr, 'attribute');
      const oid = oidOf(type);
      if (oid === '1.2.840.113549.1.9.14' && values) {
        const exts = children(values, 'extension request')[0];
        if (exts) ({ extensions, facts: extFacts } = decodeExtensions(exts));
      } else {
        const v = values ? children(values, 'attribute value')[0] : undefined;
        const text = v && v.tag < 0x20 && v.tag !== Tag.Sequence ? stringOf(v) : '(structured value)';
        attributes.push(`${ATTRIBUTE_NAMES[oid] ?? oid}: ${oid === '1.2.840.113549.1.9.7' ? '(set, not shown)' : text}`);
      }
    }
  }
  const publicKey = spkiFacts(spki);
  const sigOid = oidOf(children(expectTag(sigAlg, Tag.Sequence, 'signature algorithm'), 'signature algorithm')[0]);
  const scheme = signatureScheme(sigAlg);
  let signatureValid = false;
  if (scheme && publicKey.keyAlgorithm !== 'unknown') {
    try {
      signatureValid = verifySignature(whole(spki), scheme, whole(info), value(expectTag(sig, Tag.BitString, 'signature')).subarray(1));
    } catch {
      signatureValid = false;
    }
  }
  const facts: CsrFacts = {
    kind: 'csr',
    problems: [...subject.problems.map((p) => ({ ...p, message: `Subject: ${p.message}` })), ...extFacts.problems],
    subject: subject.text,
    subjectParts: subject.parts,
    san: extFacts.san,
    keyAlgorithm: publicKey.keyAlgorithm,
    keySize: publicKey.keySize,
    curve: publicKey.curve,
    signatureAlgorithm: algorithmName(sigOid),
    signatureValid,
    spkiSha256: publicKey.spkiSha256,
    keyUsage: extFacts.keyUsage,
    extendedKeyUsage: extFacts.extendedKeyUsage,
    sha256: hex(digest('sha256', der)),
    sha1: hex(digest('sha1', der)),
    extensions,
    attributes,
    publicKey,
  };
  return { facts, modulus: rsaModulusOf(spki), signatureChecked: scheme !== null && publicKey.keyAlgorithm !== 'unknown' };
}

/** The request with its problems: what is malformed, then the lints ("is this CSR right before I send it?"). */
export function parseCsr(der: Uint8Array): CsrFacts {
  const { facts, modulus, signatureChecked } = readCsr(der);
  return { ...facts, problems: [...facts.problems, ...runLints(inputFromCsr(facts, modulus, signatureChecked))] };
}
