/** Test-only (imported by *.test.ts): read any key file the way the app would, and hash its public half. */
import { readFileSync } from 'node:fs';
import { digest, privateKeyFacts } from '../crypto';
import { parsePemBlocks } from '../formats/pem-blocks';
import type { RawObject, ReadOptions } from '../model';
import { type KeyReadResult, isKeyLabel, isKeyParametersLabel, readKeyDer, readKeyPemBlock } from './index';

export { FIXTURES } from '../../../test/helpers/fixtures';

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Every key in a file: PEM blocks in order (parameter blocks skipped), or the single DER object. */
export async function readKeyFile(path: string, options: ReadOptions): Promise<KeyReadResult[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const results: KeyReadResult[] = [];
    for (const block of parsePemBlocks(text)) {
      if (isKeyParametersLabel(block.label)) continue;
      if (!isKeyLabel(block.label)) throw new Error(`unexpected block ${block.label} in ${path}`);
      results.push(await readKeyPemBlock(block, options));
    }
    return results;
  }
  const result = await readKeyDer(bytes, options);
  if (!result) throw new Error(`${path} was not recognised as a key`);
  return [result];
}

/** SHA-256 of the SubjectPublicKeyInfo of a private or public key: what `openssl pkey -pubout | sha256` gives. */
export function spkiSha256(object: RawObject): string {
  if (object.kind === 'privateKey') return hex(digest('sha256', privateKeyFacts(object.pkcs8).spki));
  if (object.kind === 'publicKey') return hex(digest('sha256', object.spki));
  throw new Error(`no public key in a ${object.kind}`);
}
