/** Raw objects → the full public description of one object (the detail pane, the CLI). Private key bytes stay behind. */
import type { CertificateDto, CrlDto, CsrDto, ObjectDto, PrivateKeyDto, PublicKeyDto, SecretKeyDto, UnsupportedDto } from '../api/dto';
import { readRoot } from './der/der';
import { toPem } from './formats/pem-blocks';
import type { RawObject } from './model';
import { keyFactsOf, unreadable, type PrivateKeyFacts } from './object-facts';
import { type CertificateFacts, parseCertificate, validityAt } from './x509/certificate';
import { parseCrl } from './x509/crl';
import { parseCsr } from './x509/csr';
import type { OcspResponseDto } from '../api/dto';
import { parseOcspResponse } from './ocsp/response';
import { spkiFacts } from './x509/spki';

/** What the describer needs besides the object: its id, the moment "now", and what the workbench linked. */
export interface DescribeContext {
  id: string;
  now: Date;
  /** The vault handle of a private key (the workbench stored it when the file was read). */
  handle?: string;
  /** Decodes a private key's public half; the workbench passes one that remembers, for files of many copies. */
  keyFacts?: (pkcs8: Uint8Array) => PrivateKeyFacts;
  /** Decodes a certificate; the workbench passes one that reuses the decoding its row was made from. */
  certificateFacts?: (der: Uint8Array) => CertificateFacts;
  matchGroup?: string | null;
  /** A certificate or CSR whose private key is open. */
  hasPrivateKey?: boolean;
  /** Leave out the PEM text, a private key's public half included (the CLI has no use for it, and a bundle would make it 10,000 times). */
  withoutPem?: boolean;
  /** For private keys: fingerprints of the certificates and CSRs it belongs to, and how many there are. */
  matches?: { listed: string[]; count: number };
}

export function describeObject(raw: RawObject, ctx: DescribeContext): ObjectDto {
  const base = { id: ctx.id, alias: raw.alias ?? null, location: raw.location ?? null, matchGroup: ctx.matchGroup ?? null, problems: [] };
  try {
    switch (raw.kind) {
      case 'certificate': {
        const f = (ctx.certificateFacts ?? parseCertificate)(raw.der);
        const { daysLeft, validity } = validityAt(f.notBefore, f.notAfter, ctx.now);
        // Written out rather than spread: V8 copies a spread of some thirty fields slowly, and the CLI
        // describes every certificate of a file.
        const dto: CertificateDto = {
          id: base.id, alias: base.alias, location: base.location, matchGroup: base.matchGroup, problems: f.problems,
          kind: 'certificate', subject: f.subject, issuer: f.issuer, subjectParts: f.subjectParts, issuerParts: f.issuerParts,
          serial: f.serial, version: f.version, notBefore: f.notBefore, notAfter: f.notAfter, sha256: f.sha256, sha1: f.sha1,
          spkiSha256: f.spkiSha256, keyAlgorithm: f.keyAlgorithm, keySize: f.keySize, curve: f.curve, signatureAlgorithm: f.signatureAlgorithm,
          san: f.san, isCA: f.isCA, pathLen: f.pathLen, keyUsage: f.keyUsage, extendedKeyUsage: f.extendedKeyUsage, selfSigned: f.selfSigned,
          publicKey: f.publicKey, extensions: f.extensions, daysLeft, validity, pem: pemOf(ctx, 'CERTIFICATE', raw.der),
          trusted: raw.trusted ?? false, hasPrivateKey: ctx.hasPrivateKey ?? false,
        };
        return dto;
      }
      case 'csr': {
        const dto: CsrDto = { ...base, ...parseCsr(raw.der), pem: pemOf(ctx, 'CERTIFICATE REQUEST', raw.der), hasPrivateKey: ctx.hasPrivateKey ?? false };
        return dto;
      }
      case 'crl': {
        const dto: CrlDto = { ...base, ...parseCrl(raw.der), pem: pemOf(ctx, 'X509 CRL', raw.der) };
        return dto;
      }
      case 'ocspResponse': {
        const dto: OcspResponseDto = { ...base, ...parseOcspResponse(raw.der), pem: pemOf(ctx, 'OCSP RESPONSE', raw.der) };
        return dto;
      }
      case 'publicKey': {
        const key = spkiFacts(readRoot(raw.spki, 'public key'));
        const dto: PublicKeyDto = { ...base, kind: 'publicKey', keyAlgorithm: key.keyAlgorithm, keySize: key.keySize, curve: key.curve, spkiSha256: key.spkiSha256, pem: toPem('PUBLIC KEY', raw.spki) };
        return dto;
      }
      case 'privateKey': {
        const key = (ctx.keyFacts ?? keyFactsOf)(raw.pkcs8);
        const dto: PrivateKeyDto = {
          ...base,
          kind: 'privateKey',
          keyAlgorithm: key.keyAlgorithm,
          keySize: key.keySize,
          curve: key.curve,
          encrypted: raw.encrypted,
          encoding: raw.encoding,
          protection: raw.protection ?? null,
          spkiSha256: key.spkiSha256,
          matches: ctx.matches?.listed ?? [],
          matchCount: ctx.matches?.count ?? 0,
          handle: ctx.handle ?? '',
          publicKeyPem: pemOf(ctx, 'PUBLIC KEY', key.spki),
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
    const dto: UnsupportedDto = { ...base, kind: 'unsupported', ...unreadable(raw, e) };
    return dto;
  }
}

const pemOf = (ctx: DescribeContext, label: string, der: Uint8Array) => (ctx.withoutPem ? '' : toPem(label, der));
