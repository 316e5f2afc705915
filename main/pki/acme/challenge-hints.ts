/** What to do when the CA could not validate a challenge: the hint names the URL, port or TXT record concerned. */
import { dns01TxtName } from './challenge-names';

export interface ChallengeContext {
  /** As ordered ("*.example.com" for a wildcard). */
  identifier: string;
  type: string;
  token: string;
  /** What the CA expects: the key authorization (http-01) or the TXT value (dns-01). */
  expected: string;
}

export function challengeHint(caType: string | null, c: ChallengeContext): string {
  const name = c.identifier.replace(/^\*\./, '');
  if (c.type === 'dns-01') {
    const txt = dns01TxtName(c.identifier);
    if (caType === 'dns') return `The CA could not look up ${txt}: the domain's DNS servers must answer for it (check the NS records and that the zone is published).`;
    if (caType === 'caa') return `A CAA record on ${name} does not allow this CA: add a CAA "issue" record naming it, or remove the restriction.`;
    return `The TXT record ${txt} must hold "${c.expected}"; after setting it, wait until the DNS serves it (its TTL) before telling the CA.`;
  }
  if (c.type === 'http-01') {
    const url = `http://${name}/.well-known/acme-challenge/${c.token}`;
    switch (caType) {
      case 'connection':
      case 'tls':
        return `Port 80 of ${name} must reach this machine (or the web server that answers ${url}): check the name's A/AAAA records, the firewall and port forwarding.`;
      case 'dns':
        return `The CA could not look up ${name}: it needs an A or AAAA record pointing to this machine.`;
      case 'caa':
        return `A CAA record on ${name} does not allow this CA: add a CAA "issue" record naming it, or remove the restriction.`;
      default:
        return `${url} must answer exactly "${c.expected}" as plain text (no redirect to another host, no HTML page).`;
    }
  }
  return 'Check that the challenge is in place and reachable from the internet, then order again.';
}
