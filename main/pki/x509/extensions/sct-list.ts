/** RFC 6962 SignedCertificateTimestampList: a TLS-encoded list inside an OCTET STRING. */
import { hex, value } from '../../der/der';
import { problem, type Problem } from '../problems';
import type { ExtensionDecoder } from './types';

const HASHES = ['none', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const SIGS = ['anonymous', 'RSA', 'DSA', 'ECDSA', 'Ed25519', 'Ed448'];

export const sctList: ExtensionDecoder = {
  oid: '1.3.6.1.4.1.11129.2.4.2',
  decode(inner) {
    const v = value(inner);
    const lines: string[] = [];
    const problems: Problem[] = [];
    const total = (v[0] << 8) | v[1];
    if (v.length < 2 || total !== v.length - 2) problems.push(problem('SCT_LIST_MALFORMED', 'error', `The SCT list says it holds ${total} bytes but holds ${Math.max(0, v.length - 2)}; OpenSSL cannot decode it.`));
    let p = 2;
    const end = Math.min(v.length, 2 + total);
    while (p + 2 <= end) {
      const len = (v[p] << 8) | v[p + 1];
      const sct = v.subarray(p + 2, p + 2 + len);
      p += 2 + len;
      if (sct.length < 43 || sct.length < len) {
        lines.push('SCT: (malformed)');
        if (problems.length === 0) problems.push(problem('SCT_LIST_MALFORMED', 'error', 'A signed certificate timestamp is cut short.'));
        continue;
      }
      if (sct[0] !== 0) problems.push(problem('SCT_UNKNOWN_VERSION', 'warning', `A signed certificate timestamp has version ${sct[0] + 1}; only version 1 is defined (RFC 6962).`));
      const logId = hex(sct.subarray(1, 33), ':');
      let ts = 0;
      for (let i = 33; i < 41; i++) ts = ts * 256 + sct[i];
      const extLen = (sct[41] << 8) | sct[42];
      const sigAt = 43 + extLen;
      const alg = sct.length > sigAt + 1 ? `${SIGS[sct[sigAt + 1]] ?? sct[sigAt + 1]}-with-${HASHES[sct[sigAt]] ?? sct[sigAt]}` : '?';
      lines.push(`SCT v${sct[0] + 1}: log ${logId}, ${new Date(ts).toISOString()}, ${alg}`);
    }
    return { lines, facts: { problems } };
  },
};
