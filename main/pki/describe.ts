/** Raw objects → the public descriptions the renderer and the CLI show. Private key bytes stay behind. */
import type { ProblemDto, CertificateDto, CrlDto, CsrDto, ObjectDto, PrivateKeyDto, PublicKeyDto, SecretKeyDto, UnsupportedDto } from '../api/dto';
import { readRoot } from './der/der';
import { isPkiError, toErrorInfo } from './errors';
import { privateKeyFacts } from './crypto';
import { toPem } from './formats/pem-blocks';
import type { RawObject } from './model';
import { parseCertificate, validityAt } from './x509/certificate';
import { parseCrl } from './x509/crl';
import { parseCsr } from './x509/csr';
import type { OcspResponseDto } from '../api/dto';
import { parseOcspResponse } from './ocsp/response';
import { spkiFacts } from './x509/spki';

/** Context the describer needs: the object's id, the moment "now", and a vault for private keys. */
export interface DescribeContext {
  id: string;
  now: Date;
  /** Stores the decrypted key in main's vault and returns its opaque handle. */
  storeKey(pkcs8: Uint8Array): string;
}

export function describeObject(raw: RawObject, ctx: DescribeContext): ObjectDto {
  const base = { id: ctx.id, alias: raw.alias ?? null, location: raw.location ?? null, matchIds: [] as string[], problems: [] as ProblemDto[] };
  try {
    switch (raw.kind) {
      case 'certificate': {
        const { spkiDer: _spki, ...facts } = parseCertificate(raw.der);
        const dto: CertificateDto = { ...base, ...facts, ...validityAt(facts.notBefore, facts.notAfter, ctx.now), trusted: raw.trusted ?? false, hasPrivateKey: false, matches: [] };
        return dto;
      }
      case 'csr': {
        const dto: CsrDto = { ...base, ...parseCsr(raw.der), hasPrivateKey: false, matches: [] };
        return dto;
      }
      case 'crl': {
        const dto: CrlDto = { ...base, ...parseCrl(raw.der) };
        return dto;
      }
      case 'ocspResponse': {
        const dto: OcspResponseDto = { ...base, ...parseOcspResponse(raw.der) };
        return dto;
      }
      case 'publicKey': {
        const key = spkiFacts(readRoot(raw.spki, 'public key'));
        const dto: PublicKeyDto = { ...base, kind: 'publicKey', keyAlgorithm: key.keyAlgorithm, keySize: key.keySize, curve: key.curve, spkiSha256: key.spkiSha256, pem: toPem('PUBLIC KEY', raw.spki), matches: [] };
        return dto;
      }
      case 'privateKey': {
        const facts = privateKeyFacts(raw.pkcs8);
        const pub = spkiFacts(readRoot(facts.spki, 'public key'));
        const dto: PrivateKeyDto = {
          ...base,
          kind: 'privateKey',
          keyAlgorithm: pub.keyAlgorithm,
          keySize: pub.keySize,
          curve: pub.curve,
          encrypted: raw.encrypted,
          encoding: raw.encoding,
          protection: raw.protection ?? null,
          spkiSha256: pub.spkiSha256,
          matches: [],
          handle: ctx.storeKey(raw.pkcs8),
          publicKeyPem: toPem('PUBLIC KEY', facts.spki),
        };
        return dto;
      }
      case 'secretKey': {
        const dto: SecretKeyDto = { ...base, kind: 'secretKey', algorithm: raw.algorithm, keySize: raw.sizeBits ?? null };
        return dto;
      }
      case 'unsupported': {
        const dto: UnsupportedDto = { ...base, kind: 'unsupported', what: raw.what, error: { code: raw.code, message: raw.message, hint: raw.hint } };
        return dto;
      }
    }
  } catch (e) {
    const info = toErrorInfo(e);
    const what = raw.kind === 'privateKey' ? 'Private key' : raw.kind === 'csr' ? 'Certificate request' : raw.kind === 'crl' ? 'CRL' : raw.kind === 'certificate' ? 'Certificate' : 'Object';
    const dto: UnsupportedDto = {
      ...base,
      kind: 'unsupported',
      what,
      error: isPkiError(e) ? info : { code: 'CORRUPT', message: `This ${what.toLowerCase()} could not be decoded: ${info.message}`, hint: 'The file may be damaged; get a fresh copy.' },
    };
    return dto;
  }
}
