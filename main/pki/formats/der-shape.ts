/** Tells a DER certificate, CSR and CRL apart by the shape of their first fields. */
import { children, contextNumber, readRoot, Tag, type Tlv } from '../der/der';

export type SignedShape = 'certificate' | 'csr' | 'crl';

const isTime = (t: Tlv | undefined) => t?.tag === Tag.UtcTime || t?.tag === Tag.GeneralizedTime;

/** null when `der` is not a signed X.509 structure. Never throws. */
export function signedShape(der: Uint8Array): SignedShape | null {
  try {
    const root = readRoot(der);
    if (root.tag !== Tag.Sequence) return null;
    const [body, alg, sig] = children(root);
    if (body?.tag !== Tag.Sequence || alg?.tag !== Tag.Sequence || sig?.tag !== Tag.BitString) return null;
    const f = children(body);
    let i = contextNumber(f[0]) === 0 ? 1 : 0;
    if (f[i]?.tag === Tag.Integer && f[i + 1]?.tag === Tag.Sequence && f[i + 2]?.tag === Tag.Sequence && f[i + 3]?.tag === Tag.Sequence) {
      const validity = children(f[i + 3]);
      if (validity.length === 2 && isTime(validity[0]) && isTime(validity[1])) return 'certificate';
    }
    i = 0;
    if (f[0]?.tag === Tag.Integer && f[1]?.tag === Tag.Sequence && f[2]?.tag === Tag.Sequence && (f.length === 3 || contextNumber(f[3]) === 0)) return 'csr';
    if (f[0]?.tag === Tag.Integer) i = 1;
    if (f[i]?.tag === Tag.Sequence && f[i + 1]?.tag === Tag.Sequence && isTime(f[i + 2])) return 'crl';
    return null;
  } catch {
    return null;
  }
}
