/**
 * The two ways nearly every P-256/384/521 private key in a keystore is laid out, matched byte for byte:
 * PrivateKeyInfo { 0, { id-ecPublicKey, namedCurve }, OCTET STRING { ECPrivateKey { 1, OCTET STRING d } } } as
 * Java writes it, and the same with the public point in ECPrivateKey's [1] as OpenSSL writes it. A match skips
 * the limit scan, the strict DER walk and the field-by-field reading per key (a 500-key keystore read each key
 * three times). Anything else (parameters repeated in [0], a compressed point, attributes, another curve)
 * answers undefined and goes the general way; the tests hold both ways to the same answers.
 */
import { algorithm, bitString, explicit, integer, objectIdentifier, octetString, sequence } from '../der/write';
import { KEY_OID } from './oids';

export interface EcPkcs8Layout {
  /** The curve's dotted OID (a key of SUPPORTED_CURVES). */
  curveOid: string;
  /** The private scalar, a view into the key. */
  d: Uint8Array;
  /** SubjectPublicKeyInfo up to the public point: the point (04 || X || Y) appended makes the key's SPKI. */
  spkiPrefix: Uint8Array;
}

const CURVES: { oid: string; bytes: number }[] = [
  { oid: '1.2.840.10045.3.1.7', bytes: 32 },
  { oid: '1.3.132.0.34', bytes: 48 },
  { oid: '1.3.132.0.35', bytes: 66 },
];

interface Template {
  curveOid: string;
  /** The whole key with d (and the point after its 04) zeroed. */
  bytes: Uint8Array;
  dAt: number;
  dLength: number;
  /** Where the point's coordinates start (after 04), or -1 in the layout without the point. */
  pointAt: number;
  spkiPrefix: Uint8Array;
}

let templates: Template[] | undefined;

/** Both layouts for each curve, encoded once by the DER writer (so they are right by construction). */
function allTemplates(): Template[] {
  return (templates ??= CURVES.flatMap(({ oid, bytes }) => {
    const alg = algorithm(KEY_OID.ec, objectIdentifier(oid));
    const point = new Uint8Array(1 + 2 * bytes);
    point[0] = 0x04;
    const spki = sequence(alg, bitString(point));
    const spkiPrefix = spki.subarray(0, spki.length - point.length);
    const d = new Uint8Array(bytes);
    const make = (withPoint: boolean): Template => {
      const ecPrivateKey = withPoint ? sequence(integer(1), octetString(d), explicit(1, bitString(point))) : sequence(integer(1), octetString(d));
      const whole = sequence(integer(0), alg, octetString(ecPrivateKey));
      // ECPrivateKey ends the key; in it the scalar follows its SEQUENCE header, INTEGER 1 and a 2-byte OCTET STRING header.
      const sequenceHeader = ecPrivateKey[1] < 0x80 ? 2 : 2 + (ecPrivateKey[1] & 0x7f);
      const dAt = whole.length - ecPrivateKey.length + sequenceHeader + 3 + 2;
      return { curveOid: oid, bytes: whole, dAt, dLength: bytes, pointAt: withPoint ? whole.length - 2 * bytes : -1, spkiPrefix };
    };
    return [make(false), make(true)];
  }));
}

export function ecPkcs8Layout(pkcs8: Uint8Array): EcPkcs8Layout | undefined {
  if (pkcs8[0] !== 0x30) return undefined;
  for (const t of allTemplates()) {
    if (t.bytes.length !== pkcs8.length) continue;
    if (sameOutside(pkcs8, t)) return { curveOid: t.curveOid, d: pkcs8.subarray(t.dAt, t.dAt + t.dLength), spkiPrefix: t.spkiPrefix };
  }
  return undefined;
}

/** Every byte equal to the template's except the scalar's and the point's coordinates. */
function sameOutside(pkcs8: Uint8Array, t: Template): boolean {
  const dEnd = t.dAt + t.dLength;
  for (let i = 0; i < pkcs8.length; i++) {
    if (i === t.dAt) i = dEnd;
    if (i === t.pointAt || i >= pkcs8.length) break;
    if (pkcs8[i] !== t.bytes[i]) return false;
  }
  return true;
}
