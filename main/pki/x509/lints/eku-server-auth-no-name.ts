/** A TLS server certificate is matched against its DNS/IP SANs only: serverAuth without one is unusable. */
import type { LintRule } from './types';

export const ekuServerAuthNoName: LintRule = {
  id: 'w_server_auth_without_san',
  rule: 'CA/B Forum BR 7.1.4.2.1',
  severity: 'warning',
  check(input) {
    if (!input.extendedKeyUsage.includes('serverAuth')) return [];
    if (input.names.some((n) => n.origin !== 'cn' && (n.type === 'DNS' || n.type === 'IP'))) return [];
    // An empty CN is its own finding; this one is for a filled-in CN that is not a SAN.
    if (!input.subject.some((a) => a.type === 'CN' && a.value.trim() !== '')) return [];
    return [
      {
        code: 'SERVER_AUTH_WITHOUT_SAN',
        field: 'extendedKeyUsage',
        message: 'The request is for a TLS server (serverAuth) but has no DNS or IP subject alternative name, and browsers check only those. Add the server\'s host names as DNS names, or switch on "add the CN as a SAN".',
      },
    ];
  },
};
