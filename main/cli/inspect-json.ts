/** The `inspect --json` shape of CLI.md, projected from the workbench's DTOs. */
import type { DocumentDto, ObjectDto } from '../api/dto';

/**
 * Every object carries `problems` (CLI.md), last: what is structurally wrong with it; a lint finding adds the
 * public rule it follows. Each shape is one object literal (a spread of its fields cost V8 more than the rest of
 * writing it).
 */
export function inspectObject(o: ObjectDto): Record<string, unknown> {
  const problems = o.problems.map(problemJson);
  switch (o.kind) {
    case 'certificate':
      return {
        kind: o.kind, alias: o.alias, subject: o.subject, issuer: o.issuer, serial: o.serial, notBefore: o.notBefore, notAfter: o.notAfter,
        sha256: o.sha256, sha1: o.sha1, spkiSha256: o.spkiSha256, keyAlgorithm: o.keyAlgorithm, keySize: o.keySize, curve: o.curve,
        signatureAlgorithm: o.signatureAlgorithm, san: o.san, isCA: o.isCA, pathLen: o.pathLen, keyUsage: o.keyUsage,
        extendedKeyUsage: o.extendedKeyUsage, selfSigned: o.selfSigned, daysLeft: o.daysLeft, trusted: o.trusted, location: o.location,
        extensions: o.extensions.map(({ name, oid, critical, lines }) => ({ name, oid, critical, lines })),
        problems,
      };
    case 'privateKey':
      return { kind: o.kind, alias: o.alias, keyAlgorithm: o.keyAlgorithm, keySize: o.keySize, curve: o.curve, encrypted: o.encrypted, spkiSha256: o.spkiSha256, matches: o.matches, matchCount: o.matchCount, encoding: o.encoding, protection: o.protection, location: o.location, problems };
    case 'csr':
      return {
        kind: o.kind, subject: o.subject, san: o.san, keyAlgorithm: o.keyAlgorithm, keySize: o.keySize, curve: o.curve, signatureValid: o.signatureValid,
        spkiSha256: o.spkiSha256, keyUsage: o.keyUsage, extendedKeyUsage: o.extendedKeyUsage, sha256: o.sha256, signatureAlgorithm: o.signatureAlgorithm, location: o.location,
        problems,
      };
    case 'crl':
      return { kind: o.kind, issuer: o.issuer, thisUpdate: o.thisUpdate, nextUpdate: o.nextUpdate, revokedCount: o.revokedCount, crlNumber: o.crlNumber, sha256: o.sha256, location: o.location, problems };
    case 'ocspResponse':
      return {
        kind: o.kind, responseStatus: o.responseStatus, responseType: o.responseType, responderId: o.responderId, responderIdType: o.responderIdType,
        producedAt: o.producedAt, signatureAlgorithm: o.signatureAlgorithm, certificateCount: o.certificateCount, sha256: o.sha256, location: o.location,
        responses: o.responses.map((r) => ({ ...r })),
        extensions: o.extensions.map(({ name, oid, critical, lines }) => ({ name, oid, critical, lines })),
        problems,
      };
    case 'publicKey':
      return { kind: o.kind, keyAlgorithm: o.keyAlgorithm, keySize: o.keySize, curve: o.curve, spkiSha256: o.spkiSha256, location: o.location, problems };
    case 'secretKey':
      return { kind: o.kind, alias: o.alias, algorithm: o.algorithm, keySize: o.keySize, problems };
    case 'unsupported':
      return { kind: o.kind, alias: o.alias, what: o.what, error: o.error, location: o.location, problems };
  }
}

/** A file's fields before its objects; an unreadable or locked file is its error. */
export function fileHeader(d: DocumentDto): Record<string, unknown> {
  const path = d.path ?? d.name;
  if (d.status === 'error' && d.error) return { path, error: d.error };
  if (d.status === 'locked' && d.lock) return { path, error: { code: d.lock.reason, message: d.lock.message, hint: d.lock.hint } };
  return { path, format: d.format, encrypted: d.encrypted, integrity: d.integrity, notes: d.notes, chain: d.chain };
}

function problemJson(p: ObjectDto['problems'][number] & { rule?: string }): Record<string, unknown> {
  const { code, severity, message } = p;
  return p.rule ? { code, severity, message, rule: p.rule } : { code, severity, message };
}
