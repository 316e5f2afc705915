/** An email SAN (rfc822Name) or emailAddress attribute is a bare mailbox, local@domain, in ASCII. */
import { hostNameProblem } from './host-name';
import { describeName } from './names';
import { quoted } from './subject-attributes';
import type { LintFinding, LintRule } from './types';

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** Why `value` is not a mailbox, or null. */
export function mailboxProblem(value: string): string | null {
  if (/[<>]/.test(value) || /\s/.test(value)) return 'it must be the bare address, without a display name, spaces or angle brackets';
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return 'it needs a name, an "@" and a domain, as in "alice@example.com"';
  const local = value.slice(0, at);
  if (/[^\x00-\x7f]/.test(local)) return 'the part before the "@" has non-ASCII characters, which an rfc822Name cannot hold';
  if (local.length > 64) return `the part before the "@" is ${local.length} characters long; a mailbox name has at most 64 (RFC 5321)`;
  if (!LOCAL_PART.test(local)) return `the part before the "@" (${quoted(local)}) has characters or dots a mailbox name cannot have`;
  const domain = hostNameProblem(value.slice(at + 1));
  return domain ? `its domain is not a host name: ${domain}` : null;
}

export const sanEmailMalformed: LintRule = {
  id: 'e_email_address_malformed',
  rule: 'RFC 5280 4.2.1.6 (rfc822Name, RFC 5321 mailbox)',
  severity: 'error',
  check(input) {
    const out: LintFinding[] = [];
    for (const n of input.names) {
      const why = n.type === 'email' ? mailboxProblem(n.value) : null;
      if (why) out.push({ code: 'EMAIL_ADDRESS_MALFORMED', field: n.field, message: `${describeName(n)} is not a valid email address: ${why}.` });
    }
    for (const a of input.subject) {
      const why = a.type === 'emailAddress' && a.value.trim() !== '' ? mailboxProblem(a.value) : null;
      if (why) out.push({ code: 'EMAIL_ADDRESS_MALFORMED', field: a.field, message: `The email address ${quoted(a.value)} in the subject is not valid: ${why}.` });
    }
    return out;
  },
};
