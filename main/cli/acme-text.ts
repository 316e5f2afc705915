/** `certbench acme` in words: progress steps, the issued set, the CA's refusal, hand-placed challenges, the orders list. */
import { basename } from 'node:path';
import type { AcmeAuthorizationDto, AcmeOrderDto, AcmeProblemDto, AcmeStepDto, WrittenFileDto } from '../api/dto';
import { daysBetween } from '../pki/chain/words';
import { dateText, daysText, subjectName } from '../pki/expiry/report-text';

const FILE_ROLE: Record<string, string> = {
  'cert.pem': 'the certificate',
  'chain.pem': 'the intermediate certificates',
  'fullchain.pem': 'certificate + intermediates: what most servers want',
};

/** One progress line: "12:00:01  CA validated www.example.com". */
export function stepLine(step: AcmeStepDto): string {
  return `${step.at.slice(11, 19)}  ${step.message}`;
}

/** "www.example.com", "www.example.com and example.com", "a, b and c". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '(no names)';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function expiryText(notAfter: string, now: Date): string {
  const days = daysBetween(now.getTime(), Date.parse(notAfter));
  return `${dateText(notAfter)} (${days < 0 ? `expired ${daysText(days)}` : daysText(days)})`;
}

export function writtenLines(written: readonly WrittenFileDto[]): string[] {
  const width = Math.max(0, ...written.map((f) => f.path.length));
  const role = (f: WrittenFileDto) => (f.secret ? `the private key, ${f.encrypted ? 'encrypted' : 'NOT encrypted'}, mode 0600` : (FILE_ROLE[basename(f.path)] ?? f.format));
  return written.map((f) => `  ${f.path.padEnd(width)}  ${role(f)}`);
}

/** What `acme issue` and `acme renew` print on stdout for an issued order. */
export function issuedLines(order: AcmeOrderDto, now: Date): string[] {
  const r = order.result;
  if (!r) return [`Order ${order.id} is ${order.state}.`];
  const lines = [
    `Issued a certificate for ${namesText(order.domains)}${order.staging ? ` by ${order.caName} (a test CA: browsers do not trust it)` : ` by ${order.caName}`}.`,
    `  expires ${expiryText(r.notAfter, now)}`,
    `  issuer  ${subjectName(r.issuer)}${r.chains.length > 1 ? ` (chains offered: ${r.chains.join(', ')})` : ''}`,
    `  serial  ${r.serial}`,
    `  order   ${order.id} (certbench acme status ${order.id}; renew with certbench acme renew ${order.id})`,
  ];
  if (r.written.length) lines.push('Wrote:', ...writtenLines(r.written));
  else lines.push('No files were written.');
  return lines;
}

/** The CA's reason (its own words), the identifiers it named, and what to do. */
export function problemLines(problem: AcmeProblemDto): string[] {
  const lines = [`certbench: ${problem.message}`];
  // The CA's per-name details, unless the message already quotes them.
  for (const s of problem.subproblems) if (!problem.message.includes(s.detail)) lines.push(`  ${s.identifier}: ${s.detail}`);
  lines.push(`  hint: ${problem.hint}`, `  (${problem.code}${problem.caType ? `, the CA said ${problem.caType}` : ''})`);
  return lines;
}

const open = (a: AcmeAuthorizationDto) => a.status === 'pending' && a.challenge !== null && a.challenge.status === 'pending';

/** The records or files a waiting order needs placed by hand, one block per name. */
export function manualLines(order: AcmeOrderDto): string[] {
  const lines = ['The CA is waiting for you to prove you control these names:'];
  for (const a of order.authorizations.filter(open)) {
    const c = a.challenge!;
    if (c.type === 'dns-01') {
      lines.push(`  ${a.domain}: create a DNS TXT record`, `    name   ${c.txtName}`, `    value  ${c.txtValue}`);
    } else {
      lines.push(`  ${a.domain}: serve this file over HTTP (port 80)`, `    URL      ${c.url}`, `    content  ${c.fileContent}`);
    }
  }
  return lines;
}

/** The live checks of the records placed by hand: one line per name, with what was seen when it failed. */
export function checkLines(order: AcmeOrderDto): { lines: string[]; allOk: boolean } {
  const lines: string[] = [];
  let allOk = true;
  for (const a of order.authorizations.filter(open)) {
    const check = a.challenge!.check;
    if (!check) {
      allOk = false;
      lines.push(`  ?  ${a.domain}: not checked`);
      continue;
    }
    if (!check.ok) allOk = false;
    lines.push(`  ${check.ok ? 'ok' : 'NO'} ${a.domain}: ${check.message}`);
    if (!check.ok && check.seen.length) lines.push(`       seen: ${check.seen.join(' | ')}`);
  }
  return { lines, allOk };
}

/** `certbench acme status`: one block per order. */
export function statusLines(orders: readonly AcmeOrderDto[], now: Date): string[] {
  if (orders.length === 0) return ['No ACME orders yet. Start one with certbench acme issue.'];
  const lines: string[] = [];
  for (const o of orders) {
    lines.push(`${o.id}  ${o.state.toUpperCase()}${o.busy ? ' (working)' : ''}  ${namesText(o.domains)}`);
    lines.push(`  CA ${o.caName}${o.staging ? ' (test CA)' : ''}; ${o.challenge} (${o.mode}); key ${o.key}; created ${dateText(o.createdAt)}${o.renewalOf ? `; renews ${o.renewalOf}` : ''}`);
    if (o.result) {
      lines.push(`  expires ${expiryText(o.result.notAfter, now)}; issuer ${subjectName(o.result.issuer)}; serial ${o.result.serial}`);
      if (o.result.written.length) lines.push(`  files ${o.result.written.map((f) => f.path).join(', ')}`);
    }
    if (o.problem) lines.push(`  problem: ${o.problem.message}`, `  hint: ${o.problem.hint}`);
    lines.push('');
  }
  const count = (state: string) => orders.filter((o) => o.state === state).length;
  lines.push(`${orders.length} ${orders.length === 1 ? 'order' : 'orders'}: ${(['issued', 'invalid', 'error', 'waiting', 'revoked', 'cancelled'] as const).filter((s) => count(s)).map((s) => `${count(s)} ${s}`).join(', ') || 'none finished'}.`);
  return lines;
}
