/** Human output of `certbench inspect`: what a support engineer reads in a terminal. */
import type { DocumentDto, MatchGroupDto, ObjectDto } from '../api/dto';

function days(n: number | null): string {
  if (n === null) return "validity dates are invalid";
  if (n < 0) return `EXPIRED ${-n} day${n === -1 ? '' : 's'} ago`;
  return `expires in ${n} day${n === 1 ? '' : 's'}`;
}

function key(o: { keyAlgorithm: string; keySize: number | null; curve: string | null }): string {
  return o.curve ? `${o.keyAlgorithm} ${o.curve}` : `${o.keyAlgorithm}${o.keySize ? ' ' + o.keySize : ''}`;
}

/** One line per problem, after the object's own lines; a lint finding ends with the public rule it follows. */
function problemLines(o: ObjectDto): string[] {
  return o.problems.map((p: ObjectDto['problems'][number] & { rule?: string }) => {
    const rule = p.rule ? ` [${p.rule}]` : '';
    return `  ${p.severity === 'error' ? 'PROBLEM' : p.severity === 'warning' ? 'warning' : 'note'}    ${p.code}: ${p.message}${rule}`;
  });
}

function ocspLines(o: Extract<ObjectDto, { kind: 'ocspResponse' }>): string[] {
  const lines = [`OCSP response: ${o.responseStatus}${o.responderId ? `, from ${o.responderIdType === 'keyHash' ? 'key hash ' : ''}${o.responderId}` : ''}`];
  if (o.producedAt) lines.push(`  produced   ${o.producedAt}`);
  for (const r of o.responses) {
    const status = r.status === 'revoked' ? `REVOKED ${r.revocationTime ?? ''}${r.revocationReason ? ` (${r.revocationReason})` : ''}` : r.status;
    lines.push(`  serial     ${r.serial}: ${status}, this update ${r.thisUpdate ?? '?'}, next ${r.nextUpdate ?? '(none)'}`);
  }
  if (o.certificateCount) lines.push(`  carries    ${o.certificateCount} certificate${o.certificateCount === 1 ? '' : 's'} (listed below)`);
  return lines;
}

export function objectLines(o: ObjectDto, groups: Map<string, MatchGroupDto>): string[] {
  return [...kindLines(o, groups), ...problemLines(o)];
}

function kindLines(o: ObjectDto, groups: Map<string, MatchGroupDto>): string[] {
  const alias = o.alias ? ` [${o.alias}]` : '';
  switch (o.kind) {
    case 'certificate':
      return [
        `Certificate${alias}: ${o.subject}`,
        `  issuer     ${o.issuer}${o.selfSigned ? ' (self-signed)' : ''}`,
        `  valid      ${o.notBefore} → ${o.notAfter} (${days(o.daysLeft)})`,
        `  key        ${key(o)}, ${o.signatureAlgorithm}${o.isCA ? ', CA' : ''}`,
        ...(o.san.length ? [`  SAN        ${o.san.join(', ')}`] : []),
        ...(o.extendedKeyUsage.length ? [`  EKU        ${o.extendedKeyUsage.join(', ')}`] : []),
        `  serial     ${o.serial}`,
        `  SHA-256    ${o.sha256}`,
        ...(o.hasPrivateKey && o.matchGroup ? [`  private key: present (${groups.get(o.matchGroup)?.privateKeys ?? 0} matching)`] : []),
      ];
    case 'privateKey':
      return [
        `Private key${alias}: ${key(o)}${o.encrypted ? `, encrypted (${o.protection ?? o.encoding})` : ', NOT encrypted'}`,
        `  SPKI SHA-256 ${o.spkiSha256}`,
        o.matchCount ? `  belongs to ${o.matchCount} certificate/CSR: ${o.matches.join(', ')}${o.matchCount > o.matches.length ? ` and ${o.matchCount - o.matches.length} more` : ''}` : '  no matching certificate among the files given',
      ];
    case 'csr':
      return [`Certificate request: ${o.subject}`, `  key        ${key(o)}, signature ${o.signatureValid ? 'valid' : 'INVALID'}`, ...(o.san.length ? [`  SAN        ${o.san.join(', ')}`] : [])];
    case 'crl':
      return [`CRL: ${o.issuer}`, `  updated    ${o.thisUpdate}, next ${o.nextUpdate ?? '(none)'}`, `  revoked    ${o.revokedCount}`];
    case 'ocspResponse':
      return ocspLines(o);
    case 'publicKey':
      return [`Public key: ${key(o)}`, `  SPKI SHA-256 ${o.spkiSha256}`];
    case 'secretKey':
      return [`Secret key${alias}: ${o.algorithm}${o.keySize ? ' ' + o.keySize + ' bits' : ''}`];
    case 'unsupported':
      return [`${o.what}${alias}: ${o.error.message}`, `  hint: ${o.error.hint}`];
  }
}

/** The lines that introduce one file: its error, or its format, protection and notes. */
export function fileLines(d: DocumentDto): string[] {
  const where = d.path ?? d.name;
  if (d.status !== 'ready') {
    const e = d.error ?? (d.lock ? { code: d.lock.reason, message: d.lock.message, hint: d.lock.hint } : null);
    return [`${where}: ERROR ${e?.code}: ${e?.message}`, `  hint: ${e?.hint}`];
  }
  const integrity = d.integrity === 'verified' ? ', integrity verified' : d.integrity === 'not-checked' ? ', integrity NOT checked' : '';
  return [
    `${where}: ${d.format}${d.encrypted ? ', password-protected' : ''}${integrity}, ${d.objects.length} object${d.objects.length === 1 ? '' : 's'}`,
    ...d.notes.map((n) => `  note: ${n}`),
    ...(d.chain ? [`  chain: ${d.chain.message}`] : []),
  ];
}
