/** SHA-1 (and MD5) signatures: collisions are practical; CAs refuse requests signed with them. */
import type { LintRule } from './types';

export const signatureWeakHash: LintRule = {
  id: 'e_signature_hash_sha1',
  rule: 'CA/B Forum BR 7.1.3.2',
  severity: 'error',
  check(input) {
    const hash = input.signatureHash;
    if (hash !== 'sha1' && hash !== 'md5') return [];
    const name = hash === 'sha1' ? 'SHA-1' : (/md[245]/i.exec(input.signatureAlgorithm)?.[0].toUpperCase() ?? 'MD5');
    if (input.source === 'form')
      return [{ code: `SIGNATURE_${name.replace('-', '')}`, field: 'signatureHash', message: `${name} is broken for signatures and CAs refuse it. Choose SHA-256.` }];
    return [
      {
        code: `SIGNATURE_${name.replace('-', '')}`,
        // An existing request cannot be changed, only made again: a warning, as many CAs re-sign anyway.
        severity: 'warning',
        field: 'signatureHash',
        message: `The request is signed with ${input.signatureAlgorithm} (${name}), which is broken; many CAs refuse it. Make the request again with SHA-256 (openssl req -sha256).`,
      },
    ];
  },
};
