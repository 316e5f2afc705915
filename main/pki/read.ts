/**
 * The ONE entry point of every reader: bytes (+ password) → objects, or a PkiError. Detection is by
 * content, never by file name.
 */
import { readRoot, Tag } from './der/der';
import { MAX_OBJECTS_PER_FILE, tooManyObjects } from './der/limits';
import { PkiError, isPkiError, toErrorInfo } from './errors';
import { describeUnknown } from './formats/describe-unknown';
import { signedShape } from './formats/der-shape';
import { readJavaKeystore } from './formats/jks';
import { hasPemBlock } from './formats/pem-blocks';
import { readPem } from './formats/pem';
import { isPkcs7, readPkcs7Der } from './formats/pkcs7';
import { looksLikePkcs12, readPkcs12 } from './formats/pkcs12';
import { readKeyDer } from './keys';
import { ocspObjects } from './ocsp/read-ocsp';
import { looksLikeOcspResponse } from './ocsp/response';
import type { ReadOptions, ReadResult } from './model';
import { forgetLastParse } from './der/asn1';
import { reqConfigNote } from './x509/openssl-config/detect';

const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;

export async function readBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    const result = await sniffAndRead(bytes, options);
    if (result.objects.length > MAX_OBJECTS_PER_FILE) throw tooManyObjects();
    return result;
  } catch (e) {
    if (isPkiError(e)) throw e;
    // A reader bug must still reach the user as a typed error, never a stack trace. `cause` keeps the
    // original for the fuzzer (npm run fuzz), which counts every such wrap as a failure to fix.
    const info = toErrorInfo(e);
    const wrapped = new PkiError('CORRUPT', `The file could not be read: ${info.message.replace(/^Certbench hit an unexpected problem: /, '')}.`, 'The file may be damaged. If it opens in openssl or keytool, please report it.');
    wrapped.cause = e;
    throw wrapped;
  } finally {
    forgetLastParse();
  }
}

async function sniffAndRead(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  if (bytes.length === 0 || isBlank(bytes)) {
    throw new PkiError('EMPTY', 'The file is empty.', 'It may not have finished downloading or copying; get it again.');
  }
  if (bytes.length >= 4) {
    const magic = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    if (magic === JKS_MAGIC || magic === JCEKS_MAGIC) return readJavaKeystore(bytes, options);
  }
  if (bytes[0] === Tag.Sequence) {
    const der = await readDer(bytes, options);
    if (der) return der;
  }
  const text = decodeText(bytes);
  if (text !== null && hasPemBlock(text)) return readPem(text, options);
  if (text !== null) {
    const b64 = text.replace(/\s+/g, '');
    if (b64.length > 64 && /^[A-Za-z0-9+/]+=*$/.test(b64)) {
      // Some tools save base64 DER without the BEGIN/END lines.
      const der = await readDer(new Uint8Array(Buffer.from(b64, 'base64')), options);
      if (der) return { ...der, notes: [...der.notes, 'Base64 text without PEM header lines.'] };
    }
  }
  const config = text === null ? null : reqConfigNote(text);
  if (config) return { format: 'openssl-config', encrypted: false, integrity: 'absent', objects: [], notes: [config] };
  throw new PkiError('UNRECOGNIZED_FORMAT', `Certbench does not recognise this file: it looks like ${describeUnknown(bytes)}.`, 'Certbench opens PEM, DER, PKCS#7 (.p7b), PKCS#12 (.pfx/.p12), JKS and JCEKS files, keys, CSRs, CRLs and OCSP responses.');
}

/** DER of some kind, or null when the bytes are not a DER structure Certbench knows. */
async function readDer(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult | null> {
  if (looksLikePkcs12(bytes)) return readPkcs12(bytes, options);
  const shape = signedShape(bytes);
  if (shape) {
    const format = shape === 'certificate' ? 'der' : shape;
    return { format, encrypted: false, integrity: 'absent', objects: [{ kind: shape, der: bytes }], notes: [] };
  }
  let root;
  try {
    root = readRoot(bytes);
  } catch (e) {
    if (isPkiError(e) && /indefinite/.test(e.message)) return readPkcs7Der(bytes);
    if (isPkiError(e) && bytes.length > 64) {
      throw new PkiError('CORRUPT', `This looks like a DER file, but it is damaged: ${e.message.replace(/^The data is not valid DER \(|\)\.$/g, '')}.`, 'The file may be truncated; get a fresh copy from its source.');
    }
    return null;
  }
  if (isPkcs7(root)) return readPkcs7Der(bytes);
  if (looksLikeOcspResponse(root)) return { format: 'ocsp-response', encrypted: false, integrity: 'absent', objects: ocspObjects(bytes), notes: [] };
  const key = await readKeyDer(bytes, options);
  if (key) {
    const encrypted = key.object.kind === 'privateKey' && key.object.encrypted;
    const format = key.object.kind === 'publicKey' && key.format === 'pkcs8' ? 'spki' : key.format;
    return { format, encrypted, integrity: 'absent', objects: [key.object], notes: [] };
  }
  return null;
}

function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0) return false;
  return true;
}

/** Text when the bytes are UTF-8/ASCII (a BOM allowed), else null. */
function decodeText(bytes: Uint8Array): string | null {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const s = Buffer.from(bytes).toString('latin1');
    return s.includes('-----BEGIN ') ? s : null;
  }
}
