/** The Issue certificate page's words: order states, the one-line verdict, dates, what to do when it failed. */
import type { AcmeAuthorizationDto, AcmeChallengeDto, AcmeOrderDto, AcmeOrderState, AcmeProblemDto, WrittenFileDto } from '../../../main/api/dto';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export const STATE_LABEL: Record<AcmeOrderState, string> = {
  pending: 'Starting',
  waiting: 'Waiting for you',
  validating: 'CA validating',
  ready: 'Ready',
  processing: 'CA issuing',
  issued: 'Issued',
  invalid: 'Failed',
  error: 'Stopped',
  revoked: 'Revoked',
  cancelled: 'Cancelled',
};

export const STATE_COLOR: Record<AcmeOrderState, Tone | 'default'> = {
  pending: 'info',
  waiting: 'warning',
  validating: 'info',
  ready: 'info',
  processing: 'info',
  issued: 'success',
  invalid: 'error',
  error: 'error',
  revoked: 'default',
  cancelled: 'default',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "www.example.com", "www.example.com and 2 more". */
export function namesWords(domains: readonly string[]): string {
  if (domains.length === 0) return 'no names';
  return domains.length === 1 ? domains[0]! : `${domains[0]} and ${plural(domains.length - 1, 'more name')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Feb 2027" (UTC, so every machine says the same). */
export function dateWords(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "24 Feb 2027, 14:05 UTC". */
export function dateTimeWords(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${dateWords(iso)}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** "14:05:09", for timeline steps. */
export function timeWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(11, 19);
}

export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / 86_400_000);
}

/** "Expires 24 Feb 2027 (89 days)", "Expired 3 Jan 2027". */
export function expiryWords(notAfter: string | null, now: Date): string {
  if (!notAfter) return '—';
  const d = daysLeft(notAfter, now);
  return d < 0 ? `Expired ${dateWords(notAfter)}` : `Expires ${dateWords(notAfter)} (${d === 0 ? 'today' : plural(d, 'day')})`;
}

const manualOf = (order: AcmeOrderDto) => order.mode === 'manual';

/** What the user has to place by hand, in one phrase. */
function placeWords(order: AcmeOrderDto): string {
  return order.challenge === 'dns-01' ? 'add the TXT records below' : 'put the files below on the web server';
}

/** The order's one line, status first. */
export function orderVerdict(order: AcmeOrderDto, now: Date): { tone: Tone; text: string } {
  const names = namesWords(order.domains);
  switch (order.state) {
    case 'issued':
      return { tone: 'success', text: `Issued for ${names}${order.result ? `. ${expiryWords(order.result.notAfter, now)}` : ''}` };
    // The CA's own words follow in the problem's alert: the verdict stays one short line.
    case 'invalid':
      return { tone: 'error', text: `The CA did not issue the certificate for ${names}` };
    case 'error':
      return { tone: 'error', text: `Stopped before the certificate for ${names} was issued: Resume continues it` };
    case 'revoked':
      return { tone: 'info', text: `The certificate for ${names} was revoked` };
    case 'cancelled':
      return { tone: 'info', text: `The order for ${names} was cancelled` };
    case 'waiting':
      return { tone: 'warning', text: manualOf(order) ? `Your turn: ${placeWords(order)}, check them, then Continue` : 'Waiting' };
    case 'pending':
      return { tone: 'info', text: `Asking ${order.caName} for ${names}…` };
    case 'validating':
      return { tone: 'info', text: `${order.caName} is checking that the names are yours…` };
    case 'ready':
    case 'processing':
      return { tone: 'info', text: `Names proven; ${order.caName} is issuing the certificate…` };
  }
}

/** The CA's per-name problems that add something to its main message. */
export function extraSubproblems(problem: AcmeProblemDto): AcmeProblemDto['subproblems'] {
  return problem.subproblems.filter((s) => !problem.message.includes(s.detail));
}

/** A challenge card's chip. */
export function authorizationTone(status: AcmeAuthorizationDto['status']): Tone | 'default' {
  if (status === 'valid') return 'success';
  if (status === 'pending') return 'warning';
  if (status === 'invalid' || status === 'revoked' || status === 'expired') return 'error';
  return 'default';
}

/** How many manual challenges the last check found in place: "2 of 3 names checked OK". */
export function checkSummary(order: AcmeOrderDto): { checked: number; ok: number; total: number } {
  const challenges = order.authorizations.map((a) => a.challenge).filter((c): c is AcmeChallengeDto => c !== null && c.status === 'pending');
  return { total: challenges.length, checked: challenges.filter((c) => c.check).length, ok: challenges.filter((c) => c.check?.ok).length };
}

/** Under Continue: what telling the CA now means. */
export function continueWords(order: AcmeOrderDto): string {
  const { checked, ok, total } = checkSummary(order);
  if (total === 0) return '';
  if (ok === total) return `All ${plural(total, 'name')} checked OK: tell the CA to validate.`;
  if (checked === 0) return 'Not checked yet. The CA tries once: a record or file that is not in place yet makes the order fail.';
  return `${ok} of ${plural(total, 'name')} checked OK. The CA tries once: continue when every check is OK.`;
}

/** The title of a failed order's error: the CA's verdict in the user's words. */
export function problemTitle(order: AcmeOrderDto): string {
  const code = order.problem?.code;
  if (code === 'CHALLENGE_FAILED') return 'The CA could not confirm that the names are yours';
  if (code === 'ACME_REFUSED') return 'The CA refused the order';
  if (code === 'NETWORK') return 'The CA could not be reached';
  if (order.state === 'error') return 'The order stopped';
  return 'The certificate was not issued';
}

const FILE_NOTES: Record<string, string> = {
  'cert.pem': 'the certificate',
  'chain.pem': 'the CA certificates (intermediates)',
  'fullchain.pem': 'the certificate then the intermediates: what nginx and Apache want',
  'privkey.pem': 'the private key, readable by you only (0600)',
};

export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** "fullchain.pem: the certificate then the intermediates". */
export function fileWords(file: WrittenFileDto): string {
  const name = baseName(file.path);
  return FILE_NOTES[name] ?? (file.secret ? 'holds a private key (0600)' : 'certificates');
}

/** A file name in the folder the web host writes to, with that folder's own separator. */
export function inFolder(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

const CHALLENGE_WORDS = {
  'http-serve': (port: string) => `Certbench answers HTTP-01 on port ${port.trim()}`,
  'http-manual': () => 'you put an HTTP-01 file on the web server, checked before the CA is told',
  'dns-manual': () => 'you add a DNS-01 TXT record, checked before the CA is told',
} as const;

/** What "Order the certificate" will do, in one sentence: the review before anything is sent. */
export function orderPlanWords(plan: { caName: string; domains: readonly string[]; key: string; challenge: keyof typeof CHALLENGE_WORDS; httpPort: string }): string {
  const key = plan.key === 'csr' ? 'the key of your CSR' : `a new ${plan.key.replace('rsa:', 'RSA ').replace('ec:', 'EC ')} key`;
  return `Orders a certificate for ${plan.domains.join(', ')} from ${plan.caName} with ${key}; ${CHALLENGE_WORDS[plan.challenge](plan.httpPort)}. The order then runs in the background and stays in the list if you leave this page.`;
}
