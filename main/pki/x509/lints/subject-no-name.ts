/** A server certificate needs a name: a CN or at least one subject alternative name. */
import type { LintRule } from './types';

export const subjectNoName: LintRule = {
  id: 'e_subject_and_san_empty',
  rule: 'RFC 5280 4.1.2.6 / CA/B Forum BR 7.1.4.2.1',
  severity: 'error',
  check(input) {
    // An empty CN row is reported as empty (with its field); this is for a request with no CN at all.
    const cn = input.subject.some((a) => a.type === 'CN');
    if (cn || input.names.some((n) => n.origin === 'san')) return [];
    return [
      {
        code: 'NO_SUBJECT_NAME',
        field: input.subject.length ? input.subject[0].field : 'subject',
        message: 'Nothing names the server or user: there is no Common name (CN) and no subject alternative name. Add the host name (or user id) as the CN, or add a DNS name.',
      },
    ];
  },
};
