/**
 * `certbench chain` in words: the verdict first, then the chain as a small tree (leaf at the top), the problems
 * with their fixes, the TLS details, what was downloaded, and how to install the fixed chain.
 */
import type { ChainReportDto } from '../api/dto';

type Report = Omit<ChainReportDto, 'reportId'>;

const MARK = { success: 'OK', warning: 'WARNING', error: 'NOT VALID' } as const;

export function reportLines(r: Report): string[] {
  const lines = [`${MARK[r.verdict.severity]}: ${r.verdict.message}`, ''];
  const from = r.tls ? `The server (${r.tls.host}:${r.tls.port}) sent` : 'The files hold';
  lines.push(`${from} ${r.served.length} certificate${r.served.length === 1 ? '' : 's'}: ${r.served.map((s) => cn(s.subject)).join(', ') || 'none'}.`);
  if (r.chain.length) {
    lines.push('', 'Chain (leaf first):');
    r.chain.forEach((c, i) => {
      const indent = i === 0 ? '  ' : '  ' + '  '.repeat(i - 1) + '└─ ';
      const where = [c.source + (c.url ? ` ${c.url}` : ''), ...c.alsoFrom.map((s) => `also ${s}`), ...(c.trusted ? ['trusted'] : [])].join(', ');
      const days = c.daysLeft < 0 ? `expired ${-c.daysLeft} days ago` : `expires ${c.notAfter.slice(0, 10)}, in ${c.daysLeft} days`;
      const rev = c.revocation && c.revocation.status !== 'not-checked' ? `; revocation: ${c.revocation.status}` : '';
      lines.push(`${indent}${cn(c.subject)}  [${where}]  ${c.role}, ${c.key}, ${days}${rev}${c.status === 'ok' ? '' : ` (${c.status})`}`);
    });
  }
  if (r.problems.length) {
    lines.push('', 'Problems:');
    for (const p of r.problems) lines.push(`  ${p.severity} ${p.code}: ${p.message}`, `    fix: ${p.fix}`);
  }
  if (r.tls) {
    const t = r.tls;
    const client = t.clientCertificate.requested
      ? `asks for a client certificate${t.clientCertificate.acceptedIssuers?.length ? ` from ${t.clientCertificate.acceptedIssuers.join('; ')}` : ''}`
      : 'does not ask for a client certificate';
    lines.push('', `TLS: ${t.protocol}, ${t.cipher}${t.keyExchange ? `, ${t.keyExchange}` : ''} with ${t.address}${t.starttls ? ` after STARTTLS (${t.starttls})` : ''}; the server ${client}; OCSP ${t.stapledOcsp ? 'stapled' : 'not stapled'}.`);
    for (const note of t.notes ?? []) lines.push(`  ${note}`);
  }
  if (r.fetched.length) {
    lines.push('', 'Downloads:');
    for (const f of r.fetched) lines.push(`  ${f.kind} ${f.url}: ${f.ok ? '' : 'failed, '}${f.detail}`);
  }
  if (r.fixes.length) {
    lines.push('', 'How to install the fixed chain:');
    for (const f of r.fixes) {
      lines.push(`  ${f.title}:`);
      for (const s of f.steps) lines.push(`    - ${s}`);
      if (f.snippet) lines.push(...f.snippet.split('\n').map((l) => `      ${l}`));
    }
  }
  return lines;
}

/** The CN of an RFC 4514 subject, else the whole subject. */
function cn(subject: string): string {
  const m = /(?:^|,)CN=((?:\\.|[^,+])*)/.exec(subject);
  return m ? m[1].replace(/\\(.)/g, '$1') : subject;
}
