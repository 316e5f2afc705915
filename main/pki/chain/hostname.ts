/**
 * RFC 6125 host name matching: SAN dNSName (wildcard only as the whole leftmost label, never on a public
 * suffix), iPAddress for IP literals, CN only when the certificate has no SAN DNS/IP at all.
 * STUB (owner: chain-validator).
 */
import type { ChainCert } from './chain-cert';

export interface HostMatch {
  matches: boolean;
  /** The names the certificate is valid for ("DNS:example.com", "IP:127.0.0.1"), for the message. */
  names: string[];
  /** Why it does not match, in plain words. */
  detail: string;
}

export function matchHostName(cert: ChainCert, hostName: string): HostMatch {
  void cert;
  return { matches: true, names: [], detail: `not checked (${hostName})` };
}
