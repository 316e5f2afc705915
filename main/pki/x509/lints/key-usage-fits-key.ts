/**
 * Key usages the key type cannot perform: RSA cannot do key agreement (RFC 3279 2.3.1), ECDSA keys cannot
 * encipher keys or data (RFC 5480 3), EdDSA keys only sign (RFC 8410 5).
 */
import type { LintKeyFacts, LintRule } from './types';

const ALLOWED: Partial<Record<LintKeyFacts['algorithm'], Set<string>>> = {
  RSA: new Set(['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyCertSign', 'cRLSign']),
  EC: new Set(['digitalSignature', 'nonRepudiation', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly']),
  Ed25519: new Set(['digitalSignature', 'nonRepudiation', 'keyCertSign', 'cRLSign']),
  Ed448: new Set(['digitalSignature', 'nonRepudiation', 'keyCertSign', 'cRLSign']),
};

const NAMES: Record<string, string> = { RSA: 'an RSA key', EC: 'an ECDSA key', Ed25519: 'an Ed25519 key', Ed448: 'an Ed448 key' };

export const keyUsageFitsKey: LintRule = {
  id: 'w_key_usage_not_for_key_type',
  rule: 'RFC 3279 2.3.1 / RFC 5480 3 / RFC 8410 5',
  severity: 'warning',
  check(input) {
    const allowed = ALLOWED[input.key.algorithm];
    if (!allowed) return [];
    const bad = input.keyUsage.filter((u) => !allowed.has(u));
    if (bad.length === 0) return [];
    const tls = input.key.algorithm === 'EC' && bad.includes('keyEncipherment') ? ' For a TLS server, digitalSignature is all an ECDSA key needs.' : '';
    return [
      {
        code: 'KEY_USAGE_NOT_FOR_KEY',
        field: 'keyUsage',
        message: `${bad.join(' and ')} cannot be done with ${NAMES[input.key.algorithm]}; some clients reject a certificate that claims it. Remove ${bad.length > 1 ? 'them' : 'it'} from the key usage.${tls}`,
      },
    ];
  },
};
