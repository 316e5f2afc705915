/** Small facts shared by the row summary and the full description: a private key's public half, unreadable objects. */
import type { ErrorInfo, PublicKeyInfo } from '../api/dto';
import { privateKeyFacts } from './crypto';
import { readRoot } from './der/der';
import { isPkiError, toErrorInfo } from './errors';
import type { RawObject } from './model';
import { spkiFacts } from './x509/spki';

export type PrivateKeyFacts = PublicKeyInfo & { spki: Uint8Array };

/** The public half of a PKCS#8 key, decoded once (node:crypto does the maths). */
export function keyFactsOf(pkcs8: Uint8Array): PrivateKeyFacts {
  const facts = privateKeyFacts(pkcs8);
  return { ...spkiFacts(readRoot(facts.spki, 'public key')), spki: facts.spki };
}

/** An object the engine found but could not decode: shown honestly, with its error. */
export function unreadable(raw: RawObject, e: unknown): { what: string; error: ErrorInfo } {
  const info = toErrorInfo(e);
  const what = raw.kind === 'privateKey' ? 'Private key' : raw.kind === 'csr' ? 'Certificate request' : raw.kind === 'crl' ? 'CRL' : raw.kind === 'ocspResponse' ? 'OCSP response' : raw.kind === 'certificate' ? 'Certificate' : 'Object';
  return { what, error: isPkiError(e) ? info : { code: 'CORRUPT', message: `This ${what.toLowerCase()} could not be decoded: ${info.message}`, hint: 'The file may be damaged; get a fresh copy.' } };
}
