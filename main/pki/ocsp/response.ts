/**
 * Decodes an OCSP response (RFC 6960 4.2.1): status, and for a BasicOCSPResponse the responder, producedAt,
 * each SingleResponse (CertID, good/revoked/unknown, times) and the certificates it carries. Does not verify
 * the signature (that is the chain doctor's job); reports what is structurally wrong as problems.
 */
import type { ExtensionDto, OcspResponseDto, OcspSingleResponseDto } from '../../api/dto';
import { digest } from '../crypto';
import { PkiError } from '../errors';
import { children, contextNumber, expectTag, hex, isoTimeOrNull, oidOf, readRoot, readTlv, Tag, value, whole, type Tlv } from '../der/der';
import { decodeExtensions } from '../x509/extensions';
import { CRL_REASONS } from '../x509/extensions/small-extensions';
import { readName } from '../x509/name';
import { algorithmName, HASH_ALGORITHMS } from '../x509/oids';
import { invalidTime, problem, type Problem } from '../x509/problems';
import { readSerial } from '../x509/serial';

// 'matchIds' and 'matchGroup' both listed: the workbench's link field, whichever the contract names.
export type OcspResponseFacts = Omit<OcspResponseDto, 'id' | 'alias' | 'location' | 'matchGroup' | 'pem'>;

const ENUMERATED = 0x0a;
const BASIC = '1.3.6.1.5.5.7.48.1.1';
const STATUSES: Record<number, string> = { 0: 'successful', 1: 'malformedRequest', 2: 'internalError', 3: 'tryLater', 5: 'sigRequired', 6: 'unauthorized' };

/** OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL } */
export function looksLikeOcspResponse(root: Tlv): boolean {
  if (root.tag !== Tag.Sequence) return false;
  try {
    const parts = children(root, 'OCSP response');
    return parts.length >= 1 && parts.length <= 2 && parts[0].tag === ENUMERATED && value(parts[0]).length === 1 && (parts.length === 1 || parts[1].tag === 0xa0);
  } catch {
    return false;
  }
}

/** The DER of each certificate the response carries (BasicOCSPResponse certs), for listing them as certificates. */
export function ocspCertificates(der: Uint8Array): Uint8Array[] {
  const basic = basicResponse(der);
  if (!basic) return [];
  const certs = basic.find((t) => contextNumber(t) === 0);
  if (!certs) return [];
  return children(expectTag(children(certs, 'certificates')[0], Tag.Sequence, 'certificates'), 'certificate').map((c) => whole(c).slice());
}

/** The BasicOCSPResponse's fields, or null when the response has no body or is not of the basic type. */
function basicResponse(der: Uint8Array): Tlv[] | null {
  const [, bytes] = children(readRoot(der, 'OCSP response'), 'OCSP response');
  if (!bytes) return null;
  const [type, octets] = children(expectTag(children(bytes, 'response bytes')[0], Tag.Sequence, 'response bytes'), 'response bytes');
  if (oidOf(expectTag(type, Tag.Oid, 'response type')) !== BASIC) return null;
  const inner = expectTag(octets, Tag.OctetString, 'response');
  return children(expectTag(readTlv(inner.bytes, inner.valueStart, inner.end, 'basic OCSP response'), Tag.Sequence, 'basic OCSP response'), 'basic OCSP response');
}

function generalizedTime(t: Tlv | undefined, field: string, problems: Problem[]): string | null {
  const iso = isoTimeOrNull(t);
  if (iso === null) problems.push(invalidTime(field));
  else if (t?.tag !== Tag.GeneralizedTime) problems.push(problem('BAD_TIME_TYPE', 'warning', `The ${field} time is a UTCTime; RFC 6960 requires GeneralizedTime.`));
  return iso;
}

/** One SingleResponse decoded (CertID as hex, status, times); `n` numbers it in problems. */
export function singleResponse(t: Tlv, n: number, problems: Problem[]): OcspSingleResponseDto {
  const f = children(expectTag(t, Tag.Sequence, 'single response'), 'single response');
  const id = children(expectTag(f[0], Tag.Sequence, 'certificate id'), 'certificate id');
  const hashOid = oidOf(expectTag(children(expectTag(id[0], Tag.Sequence, 'hash algorithm'), 'hash algorithm')[0], Tag.Oid, 'hash algorithm'));
  const hashAlgorithm = HASH_ALGORITHMS[hashOid] ?? hashOid;
  if (!HASH_ALGORITHMS[hashOid]) problems.push(problem('UNKNOWN_HASH_ALGORITHM', 'warning', `Response ${n} identifies its certificate with the unknown hash algorithm ${hashOid}; no client can match it.`));
  const out: OcspSingleResponseDto = {
    hashAlgorithm,
    issuerNameHash: hex(value(expectTag(id[1], Tag.OctetString, 'issuer name hash'))),
    issuerKeyHash: hex(value(expectTag(id[2], Tag.OctetString, 'issuer key hash'))),
    serial: readSerial(expectTag(id[3], Tag.Integer, 'serial number')).text,
    status: 'unknown',
    revocationTime: null,
    revocationReason: null,
    thisUpdate: null,
    nextUpdate: null,
  };
  const status = f[1];
  const which = status ? contextNumber(status) : -1;
  if (which === 0) out.status = 'good';
  else if (which === 1) {
    out.status = 'revoked';
    const info = children(status, 'revoked info');
    out.revocationTime = generalizedTime(info[0], `revocation (response ${n})`, problems);
    const reason = info.find((x) => contextNumber(x) === 0);
    if (reason) {
      const code = value(children(reason, 'revocation reason')[0] ?? reason)[0];
      out.revocationReason = CRL_REASONS[code] ?? `reason ${code}`;
    }
  } else if (which !== 2) {
    problems.push(problem('BAD_CERT_STATUS', 'error', `Response ${n} has a certificate status that is neither good, revoked nor unknown.`));
  }
  out.thisUpdate = generalizedTime(f[2], `thisUpdate (response ${n})`, problems);
  for (const rest of f.slice(3)) {
    const tag = contextNumber(rest);
    if (tag === 0) out.nextUpdate = generalizedTime(children(rest, 'nextUpdate')[0], `nextUpdate (response ${n})`, problems);
    else if (tag === 1) {
      const single = decodeExtensions(expectTag(children(rest, 'single extensions')[0], Tag.Sequence, 'single extensions'));
      problems.push(...single.facts.problems);
      const reason = single.extensions.find((e) => e.oid === '2.5.29.21');
      if (reason && out.status === 'revoked' && !out.revocationReason) out.revocationReason = reason.lines[0] ?? null;
    }
  }
  return out;
}

export function parseOcspResponse(der: Uint8Array): OcspResponseFacts {
  const root = expectTag(readRoot(der, 'OCSP response'), Tag.Sequence, 'OCSP response');
  const [statusTlv, bytes] = children(root, 'OCSP response');
  const code = value(expectTag(statusTlv, ENUMERATED, 'response status'))[0];
  const problems: Problem[] = [];
  const facts: OcspResponseFacts = {
    kind: 'ocspResponse',
    problems,
    responseStatus: STATUSES[code] ?? `status ${code}`,
    responseType: null,
    responderId: null,
    responderIdType: null,
    producedAt: null,
    signatureAlgorithm: null,
    responses: [],
    certificateCount: 0,
    extensions: [],
    sha256: hex(digest('sha256', der)),
    sha1: hex(digest('sha1', der)),
  };
  if (!STATUSES[code]) problems.push(problem('UNKNOWN_RESPONSE_STATUS', 'error', `The response status ${code} is not one RFC 6960 defines.`));
  if (!bytes) {
    if (code === 0) problems.push(problem('MISSING_RESPONSE_BYTES', 'error', 'The response says "successful" but carries no response.'));
    return facts;
  }
  if (code !== 0) problems.push(problem('UNEXPECTED_RESPONSE_BYTES', 'warning', `The response status is ${facts.responseStatus}, yet it carries a response body.`));
  const typeOid = oidOf(expectTag(children(expectTag(children(bytes, 'response bytes')[0], Tag.Sequence, 'response bytes'), 'response bytes')[0], Tag.Oid, 'response type'));
  facts.responseType = typeOid === BASIC ? 'basic' : typeOid;
  const basic = basicResponse(der);
  if (!basic) {
    problems.push(problem('UNKNOWN_RESPONSE_TYPE', 'error', `The response is of type ${typeOid}, not the basic type (${BASIC}) every client expects.`));
    return facts;
  }
  const [tbs, sigAlg, , certs] = basic;
  facts.signatureAlgorithm = algorithmName(oidOf(children(expectTag(sigAlg, Tag.Sequence, 'signature algorithm'), 'signature algorithm')[0]));
  const data = children(expectTag(tbs, Tag.Sequence, 'response data'), 'response data');
  let i = data[0] && contextNumber(data[0]) === 0 ? 1 : 0;
  const responder = data[i++];
  const rid = responder ? contextNumber(responder) : -1;
  if (rid === 1) {
    facts.responderIdType = 'name';
    const name = readName(expectTag(children(responder, 'responder name')[0], Tag.Sequence, 'responder name'));
    facts.responderId = name.text;
    problems.push(...name.problems.map((p) => ({ ...p, message: `Responder: ${p.message}` })));
  } else if (rid === 2) {
    facts.responderIdType = 'keyHash';
    facts.responderId = hex(value(expectTag(children(responder, 'responder key hash')[0], Tag.OctetString, 'responder key hash')));
  } else problems.push(problem('BAD_RESPONDER_ID', 'error', 'The responder is identified neither by name nor by key hash.'));
  facts.producedAt = generalizedTime(data[i++], 'producedAt', problems);
  const responses = children(expectTag(data[i++], Tag.Sequence, 'responses'), 'single response');
  facts.responses = responses.map((r, n) => singleResponse(r, n + 1, problems));
  if (responses.length === 0) problems.push(problem('NO_RESPONSES', 'error', 'The response names no certificate.'));
  const exts = data[i];
  if (exts && contextNumber(exts) === 1) {
    const decoded = decodeExtensions(expectTag(children(exts, 'response extensions')[0], Tag.Sequence, 'response extensions'));
    facts.extensions = decoded.extensions as ExtensionDto[];
    problems.push(...decoded.facts.problems);
  }
  if (certs && contextNumber(certs) === 0) facts.certificateCount = children(expectTag(children(certs, 'certificates')[0], Tag.Sequence, 'certificates'), 'certificate').length;
  return facts;
}

/** The raw parts of a BasicOCSPResponse that verifying it needs (RFC 6960 4.2.1), as TLVs into the DER. */
export interface BasicOcspParts {
  /** ResponseData, the signed bytes. */
  tbs: Tlv;
  signatureAlgorithm: Tlv;
  /** The BIT STRING holding the signature. */
  signature: Tlv;
  /** [1] byName (a Name inside) or [2] byKey (an OCTET STRING inside). */
  responderId: Tlv;
  producedAt: Tlv;
  /** Each SingleResponse SEQUENCE. */
  responses: Tlv[];
  /** The responseExtensions' Extensions SEQUENCE, when present. */
  extensions: Tlv | null;
  /** DER of each certificate the response carries. */
  certs: Uint8Array[];
}

/** responseStatus by name ("successful", "tryLater" ...) and, when the body is a basic response, its parts. Throws CORRUPT on bad DER. */
export function readBasicOcsp(der: Uint8Array): { status: string; responseType: string | null; basic: BasicOcspParts | null } {
  const root = expectTag(readRoot(der, 'OCSP response'), Tag.Sequence, 'OCSP response');
  const [statusTlv, bytes] = children(root, 'OCSP response');
  const code = value(expectTag(statusTlv, ENUMERATED, 'response status'))[0];
  const status = STATUSES[code] ?? `status ${code}`;
  if (code !== 0 || !bytes) return { status, responseType: null, basic: null };
  if (bytes.tag !== 0xa0) throw corruptOcsp('the response bytes are not tagged [0]');
  const typeOid = oidOf(expectTag(children(expectTag(children(bytes, 'response bytes')[0], Tag.Sequence, 'response bytes'), 'response bytes')[0], Tag.Oid, 'response type'));
  const basic = basicResponse(der);
  if (!basic) return { status, responseType: typeOid, basic: null };
  const [tbs, signatureAlgorithm, signature, certs] = basic;
  const data = children(expectTag(tbs, Tag.Sequence, 'response data'), 'response data');
  let i = data[0] && contextNumber(data[0]) === 0 ? 1 : 0;
  const responderId = data[i++];
  if (!responderId || (contextNumber(responderId) !== 1 && contextNumber(responderId) !== 2)) throw corruptOcsp('the responder id is missing');
  const producedAt = expectTag(data[i++], Tag.GeneralizedTime, 'producedAt');
  const responses = children(expectTag(data[i++], Tag.Sequence, 'responses'), 'single response');
  const exts = data[i] && contextNumber(data[i]) === 1 ? expectTag(children(data[i], 'response extensions')[0], Tag.Sequence, 'response extensions') : null;
  return {
    status,
    responseType: 'basic',
    basic: {
      tbs,
      signatureAlgorithm: expectTag(signatureAlgorithm, Tag.Sequence, 'signature algorithm'),
      signature: expectTag(signature, Tag.BitString, 'signature'),
      responderId,
      producedAt,
      responses,
      extensions: exts,
      certs: certs && contextNumber(certs) === 0 ? children(expectTag(children(certs, 'certificates')[0], Tag.Sequence, 'certificates'), 'certificate').map((c) => whole(c).slice()) : [],
    },
  };
}

const corruptOcsp = (what: string) => new PkiError('CORRUPT', `The OCSP response is damaged: ${what}.`, 'Ask the responder again; a proxy may have changed the answer.');
