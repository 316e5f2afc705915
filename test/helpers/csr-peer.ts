/**
 * CSRs for the lint tests, made by the peer: `openssl req` when it will write the bad property, else crafted
 * (subject bytes openssl refuses to write, such as C=USA) with our DER writer and signed by `openssl dgst -sign`,
 * then checked by `openssl req -verify` so every crafted request is one openssl itself reads and verifies.
 * Runs openssl through the writers' helper (openssl-req.ts: no system config, a scratch folder).
 */
import { algorithm, bitString, integer, objectIdentifier, sequence, setOf, tlv, utf8String } from '../../main/pki/der/write';
import { openssl, opensslBytes, Scratch } from './openssl-req';

export interface PeerDir {
  dir: string;
  /** Path of a key made once per folder by `openssl genpkey` (`rsa:2048`, `rsa:1024`, `ec:P-521`, `ed25519` ...). */
  key(spec: string): string;
  /** `openssl req -new` with the given arguments (-subj, -addext, -config ...); the request as DER. `key`: a spec or a PEM path. */
  req(key: string, args: string[]): Uint8Array;
  /** A request whose subject is written exactly as given, signed (sha256) by the RSA 2048 key and verified by openssl. */
  crafted(subject: CraftedAttribute[][]): Uint8Array;
  /** Does `openssl req -verify` accept the self-signature of this DER request. */
  opensslVerifies(der: Uint8Array): boolean;
  cleanup(): void;
}

/** One attribute of a crafted subject: the OID, the ASN.1 string tag (0x13 PrintableString, 0x0c UTF8String), the text. */
export interface CraftedAttribute {
  oid: string;
  tag: number;
  value: string;
}

function genpkeyArgs(spec: string): string[] {
  const [kind, param] = spec.split(':');
  if (kind === 'rsa') return ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${param}`];
  if (kind === 'ec') return ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${param}`];
  return ['-algorithm', spec.toUpperCase()];
}

export function peerDir(): PeerDir {
  const scratch = new Scratch();
  const keys = new Map<string, string>();
  const key = (spec: string): string => {
    let path = keys.get(spec);
    if (!path) {
      path = scratch.path('key.pem');
      opensslBytes(['genpkey', ...genpkeyArgs(spec), '-out', path]);
      keys.set(spec, path);
    }
    return path;
  };
  const opensslVerifies = (der: Uint8Array): boolean => {
    const r = openssl(['req', '-inform', 'DER', '-in', scratch.write('verify.der', der), '-verify', '-noout']);
    return r.status === 0 && /verify OK/.test(r.stdout + r.stderr);
  };
  return {
    dir: scratch.dir,
    key,
    req(keyOrPath, args) {
      const out = scratch.path('req.der');
      opensslBytes(['req', '-new', '-key', keyOrPath.includes('/') ? keyOrPath : key(keyOrPath), '-outform', 'DER', '-out', out, ...args]);
      return new Uint8Array(scratch.read(out));
    },
    crafted(subject) {
      const keyPath = key('rsa:2048');
      const spki = new Uint8Array(opensslBytes(['pkey', '-in', keyPath, '-pubout', '-outform', 'DER']));
      const name = sequence(...subject.map((rdn) => setOf(...rdn.map((a) => sequence(objectIdentifier(a.oid), a.tag === 0x0c ? utf8String(a.value) : tlv(a.tag, new TextEncoder().encode(a.value)))))));
      const info = sequence(integer(0), name, spki, tlv(0xa0, new Uint8Array(0)));
      const signature = new Uint8Array(opensslBytes(['dgst', '-sha256', '-sign', keyPath, scratch.write('info.der', info)]));
      const der = sequence(info, algorithm('1.2.840.113549.1.1.11', null), bitString(signature));
      if (!opensslVerifies(der)) throw new Error('openssl does not verify the crafted request');
      return der;
    },
    opensslVerifies,
    cleanup: () => scratch.remove(),
  };
}
