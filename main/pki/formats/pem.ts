/** A PEM file: any number and mix of blocks, with text around them. */
import { isKeyLabel, readKeyPemBlock } from '../keys';
import { hex, readTlv, whole } from '../der/der';
import { PkiError, isPkiError } from '../errors';
import { MAX_OBJECTS_PER_FILE, tooManyObjects } from '../der/limits';
import type { FormatName, RawObject, ReadOptions, ReadResult } from '../model';
import { parsePemBlocks, type PemBlock } from './pem-blocks';
import { readPkcs7Der } from './pkcs7';
import { Slicer } from '../yield';
import { ocspObjects } from '../ocsp/read-ocsp';
import { digest } from '../crypto';

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'X.509 CERTIFICATE']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const SKIPPED_LABELS = new Set(['EC PARAMETERS', 'DH PARAMETERS', 'X9.42 DH PARAMETERS', 'DSA PARAMETERS']);

export async function readPem(text: string, options: ReadOptions): Promise<ReadResult> {
  const blocks = parsePemBlocks(text);
  const objects: RawObject[] = [];
  const notes: string[] = [];
  let encrypted = false;
  let format: FormatName = 'pem';
  // A bundle may repeat one key thousands of times: decode (and decrypt) each distinct key block once.
  const keys = new Map<string, BlockResult | PkiError>();
  const slicer = new Slicer(options.signal);
  for (const block of blocks) {
    await slicer.tick();
    const location = blocks.length > 1 ? `PEM block ${block.index} (line ${block.line})` : undefined;
    try {
      const found = isKeyLabel(block.label) ? await readKeyOnce(block, options, keys) : await readBlock(block, options);
      for (const o of found.objects) objects.push({ ...o, location: o.location ?? location });
      if (objects.length > MAX_OBJECTS_PER_FILE) throw tooManyObjects();
      encrypted ||= found.encrypted;
      if (blocks.length === 1 && found.format) format = found.format;
    } catch (e) {
      // A password problem concerns the whole file: the UI asks once, for every block.
      // So does a cap of limits.ts: past it, the rest of the file is not worth reading.
      if (!isPkiError(e) || e.code === 'PASSWORD_REQUIRED' || e.code === 'WRONG_PASSWORD' || e.code === 'TOO_LARGE' || blocks.length === 1) throw e;
      objects.push({ kind: 'unsupported', what: `"${block.label}" block`, code: e.code === 'UNSUPPORTED_ALGORITHM' ? 'UNSUPPORTED_ALGORITHM' : 'CORRUPT', message: e.message, hint: e.hint, location });
    }
    if (SKIPPED_LABELS.has(block.label)) notes.push(`${block.label} block ${block.index} holds only parameters; skipped.`);
  }
  return { format, encrypted, integrity: 'absent', objects, notes };
}

async function readKeyOnce(block: PemBlock, options: ReadOptions, seen: Map<string, BlockResult | PkiError>): Promise<BlockResult> {
  const id = `${block.label}\n${JSON.stringify(block.headers)}\n${hex(digest('sha256', block.der))}`;
  let found = seen.get(id);
  if (!found) {
    try {
      found = await readBlock(block, options);
    } catch (e) {
      // A damaged key repeated 4,000 times is damaged once: remember the answer, not only successes.
      if (!isPkiError(e)) throw e;
      found = e;
    }
    seen.set(id, found);
  }
  if (found instanceof PkiError) throw found;
  return found;
}

interface BlockResult {
  objects: RawObject[];
  encrypted: boolean;
  format?: FormatName;
}

async function readBlock(block: PemBlock, options: ReadOptions): Promise<BlockResult> {
  const { label, der } = block;
  if (CERT_LABELS.has(label)) return { objects: [{ kind: 'certificate', der }], encrypted: false };
  if (label === 'TRUSTED CERTIFICATE') {
    // OpenSSL's trusted form: the certificate followed by its trust settings.
    const cert = readTlv(der, 0, der.length, 'trusted certificate');
    return { objects: [{ kind: 'certificate', der: whole(cert).slice(), trusted: true }], encrypted: false };
  }
  if (CSR_LABELS.has(label)) return { objects: [{ kind: 'csr', der }], encrypted: false, format: 'csr' };
  if (label === 'X509 CRL') return { objects: [{ kind: 'crl', der }], encrypted: false, format: 'crl' };
  // No standard label exists; OpenSSL-based tools and RFC-less scripts use this one.
  if (label === 'OCSP RESPONSE') return { objects: ocspObjects(der, `OCSP block ${block.index}`), encrypted: false, format: 'ocsp-response' };
  if (label === 'PKCS7' || label === 'CMS' || label === 'PKCS #7 SIGNED DATA') {
    return { objects: readPkcs7Der(der, `PKCS#7 block ${block.index}`).objects, encrypted: false, format: 'pkcs7' };
  }
  if (isKeyLabel(label)) {
    const key = await readKeyPemBlock(block, options);
    const isEncrypted = key.object.kind === 'privateKey' && key.object.encrypted;
    const format = key.object.kind === 'publicKey' && key.format === 'pkcs8' ? 'spki' : key.format;
    return { objects: [key.object], encrypted: isEncrypted, format };
  }
  if (SKIPPED_LABELS.has(label)) return { objects: [], encrypted: false };
  if (label === 'OPENSSH PRIVATE KEY' || label === 'SSH2 ENCRYPTED PRIVATE KEY') {
    return { objects: [{ kind: 'unsupported', what: 'OpenSSH private key', code: 'UNSUPPORTED_ALGORITHM', message: 'This is an OpenSSH-format private key, which Certbench does not read yet.', hint: 'Convert it with: ssh-keygen -p -m PKCS8 -f KEYFILE' }], encrypted: false };
  }
  throw new PkiError('UNSUPPORTED_ALGORITHM', `PEM block ${block.index} is a "${label}", which Certbench does not read.`, 'Certbench reads certificates, keys, CSRs, CRLs and PKCS#7 bundles.');
}

