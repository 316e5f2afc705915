/** PKCS#7 / CMS SignedData "certs-only" bundles (.p7b, .p7c): the certificates and CRLs inside. */
import * as asn1js from 'asn1js';
import { children, contextNumber, DerError, expectTag, oidOf, readRoot, readTlv, Tag, whole, type Tlv } from '../der/der';
import { FROM_BER_OPTIONS } from '../der/asn1';
import { MAX_OBJECTS_PER_FILE, tooManyObjects } from '../der/limits';
import { scanLimits } from '../der/scan-limits';
import { PkiError } from '../errors';
import type { RawObject, ReadResult } from '../model';

const SIGNED_DATA = '1.2.840.113549.1.7.2';

export function isPkcs7(root: Tlv): boolean {
  if (root.tag !== Tag.Sequence) return false;
  const first = children(root, 'content info')[0];
  return first?.tag === Tag.Oid && oidOf(first).startsWith('1.2.840.113549.1.7.');
}

/** Windows and Java sometimes write BER (indefinite lengths); re-encode those as DER first. */
export function berToDer(bytes: Uint8Array): Uint8Array {
  scanLimits(bytes);
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes, FROM_BER_OPTIONS);
  } catch {
    // asn1js throws plain errors on some malformed strings (a BMPString of odd length).
    throw new DerError('BER: a string inside is malformed');
  }
  if (parsed.offset === -1) throw new DerError(`BER: ${parsed.result.error}`);
  return new Uint8Array(parsed.result.toBER(false));
}

export function readPkcs7Der(bytes: Uint8Array, where = 'PKCS#7'): ReadResult {
  let root: Tlv;
  try {
    root = readRoot(bytes, where);
  } catch (e) {
    if (!(e instanceof DerError) || !/indefinite/.test(e.message)) throw e;
    root = readRoot(berToDer(bytes), where);
  }
  const [type, content] = children(expectTag(root, Tag.Sequence, where), where);
  const oid = oidOf(expectTag(type, Tag.Oid, `${where} content type`));
  if (oid !== SIGNED_DATA) {
    throw new PkiError('UNSUPPORTED_ALGORITHM', `This PKCS#7 file holds ${oid === '1.2.840.113549.1.7.3' ? 'enveloped (encrypted) data' : `content of type ${oid}`}, not a certificate bundle.`, 'Certbench reads PKCS#7 certificate bundles (.p7b/.p7c), as exported by Windows, Java and OpenSSL.');
  }
  if (!content || contextNumber(content) !== 0) throw new DerError(`${where} has no SignedData content`);
  const signed = children(expectTag(children(content, where)[0], Tag.Sequence, 'SignedData'), 'SignedData');
  const objects: RawObject[] = [];
  let n = 0;
  for (const part of signed) {
    const ctx = contextNumber(part);
    if (ctx !== 0 && ctx !== 1) continue;
    // Item by item, not children(): a hostile bundle may hold millions of tiny elements.
    for (let p = part.valueStart; p < part.end; ) {
      const item = readTlv(part.bytes, p, part.end, ctx === 0 ? 'certificates' : 'CRLs');
      p = item.end;
      if (++n > MAX_OBJECTS_PER_FILE) throw tooManyObjects();
      const location = `${where} ${ctx === 0 ? 'certificate' : 'CRL'} ${n}`;
      if (item.tag !== Tag.Sequence) {
        objects.push({ kind: 'unsupported', what: 'Attribute or extended certificate', code: 'UNSUPPORTED_ALGORITHM', message: 'This bundle holds an attribute certificate, which Certbench does not show yet.', hint: 'The X.509 certificates in the bundle are shown.', location });
        continue;
      }
      objects.push({ kind: ctx === 0 ? 'certificate' : 'crl', der: whole(item).slice(), location });
    }
  }
  const notes = objects.length === 0 ? ['This PKCS#7 bundle is empty: it holds no certificates.'] : [];
  return { format: 'pkcs7', encrypted: false, integrity: 'absent', objects, notes };
}
