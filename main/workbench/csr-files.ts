/**
 * The files of a new request: the CSR (PEM), the private key (encrypted PKCS#8 by default, or traditional
 * PKCS#1 / SEC 1 with DEK-Info for old software; unencrypted only when asked) and the self-signed certificate.
 * Shared by csr.save and `certbench csr` / `selfsign`, which put them at different paths.
 */
import type { KeyProtectionDto, WrittenFileDto } from '../api/dto';
import { privateKeyFacts } from '../pki/crypto';
import { PkiError } from '../pki/errors';
import { pemBlock } from '../pki/formats/pem-write';
import { writePrivateKey } from '../pki/keys/write';

export type RequestFileRole = 'csr' | 'key' | 'certificate';

export interface RequestFile extends Omit<WrittenFileDto, 'path'> {
  role: RequestFileRole;
  bytes: Uint8Array;
}

export interface RequestParts {
  csrDer: Uint8Array | null;
  pkcs8: Uint8Array | null;
  certificateDer: Uint8Array | null;
}

export async function requestFiles(parts: RequestParts, protection: KeyProtectionDto | null, options: { signal?: AbortSignal } = {}): Promise<RequestFile[]> {
  const files: RequestFile[] = [];
  const text = (pem: string) => new TextEncoder().encode(pem);
  if (parts.csrDer) files.push({ role: 'csr', format: 'pem', objects: 1, secret: false, encrypted: false, bytes: text(pemBlock('CERTIFICATE REQUEST', parts.csrDer)) });
  if (parts.pkcs8 && protection) {
    if (protection.password === '') throw new PkiError('INVALID_ARGUMENT', 'The key passphrase is empty.', 'Choose a passphrase, or choose explicitly to write the key unencrypted.');
    const traditional = protection.form === 'traditional';
    if (traditional && privateKeyFacts(parts.pkcs8).keyAlgorithm !== 'RSA' && privateKeyFacts(parts.pkcs8).keyAlgorithm !== 'EC') {
      throw new PkiError('INVALID_ARGUMENT', `A ${privateKeyFacts(parts.pkcs8).keyAlgorithm} key has no traditional form.`, 'Write it as PKCS#8 (the default); only RSA and EC keys have a traditional (PKCS#1 / SEC 1) form.');
    }
    const bytes = await writePrivateKey(parts.pkcs8, traditional ? 'pkcs1' : 'pkcs8', { password: protection.password ?? undefined, signal: options.signal });
    files.push({ role: 'key', format: traditional ? 'pkcs1' : 'pkcs8', objects: 1, secret: true, encrypted: protection.password !== null, bytes });
  }
  if (parts.certificateDer) files.push({ role: 'certificate', format: 'pem', objects: 1, secret: false, encrypted: false, bytes: text(pemBlock('CERTIFICATE', parts.certificateDer)) });
  return files;
}
