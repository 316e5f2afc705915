/**
 * The validator's findings (validate.ts) in plain words: what is wrong with which certificate, and what to do.
 * The validator's `detail` is the technical reason; the message names the certificate and says it in full.
 */
import type { ChainPurpose } from '../../api/dto';
import type { ChainCert } from './chain-cert';
import { certName } from './cert-name';
import type { Diagnosed } from './diagnosed';
import type { Finding } from './types';
import { day, daysBetween, plural } from './words';

export interface FindingContext {
  /** The chosen path, leaf first. */
  path: readonly ChainCert[];
  at: number;
  hostName: string | null;
  purpose: ChainPurpose;
}

const PURPOSE_WORDS: Record<ChainPurpose, string> = { serverAuth: 'a TLS server (serverAuth)', clientAuth: 'a TLS client (clientAuth)' };

export function findingProblem(f: Finding, ctx: FindingContext): Diagnosed {
  const cert = f.index !== null ? ctx.path[f.index] : undefined;
  const name = cert ? certName(cert) : 'The chain';
  const role = f.index === 0 ? 'certificate' : f.index === ctx.path.length - 1 && ctx.path.length > 1 ? 'root' : 'intermediate';
  const the = f.index === 0 ? `The certificate ${name}` : `The ${role} ${name}`;
  const detail = f.detail ? ` (${f.detail.replace(/\.$/, '')})` : '';
  const base = { code: f.code, severity: f.severity, certIndex: f.index };
  const say = (message: string, fix: string, headline: string): Diagnosed => ({ ...base, message, fix, headline });
  switch (f.code) {
    case 'EXPIRED': {
      const when = cert ? ` on ${day(cert.notAfter)}, ${plural(-daysBetween(ctx.at, cert.notAfter), 'day')} ago` : '';
      const fix =
        f.index === 0 ? 'Renew it with its CA and install the new certificate with its intermediates.'
        : role === 'root' ? `Clients that still trust ${name} ignore its date; update the trust store, or move to the CA's current root.`
        : `The CA has replaced this intermediate: download the current one from the CA and put it in the chain file instead of ${name}.`;
      return say(`${the} expired${when}.${detail}`, fix, `${name} expired${cert ? ` on ${day(cert.notAfter)}` : ''}`);
    }
    case 'NOT_YET_VALID':
      return say(
        `${the} is not valid until ${cert ? day(cert.notBefore) : 'later'}.${detail}`,
        'Check the clock of the machine that checks it; if the date is right, wait until then or install the previous certificate.',
        `${name} is not valid yet`,
      );
    case 'EXPIRING_SOON': {
      const left = cert ? daysBetween(ctx.at, cert.notAfter) : 0;
      return say(`${the} expires on ${cert ? day(cert.notAfter) : 'soon'}, in ${plural(left, 'day')}.`, 'Renew it before then, and install the new certificate with its intermediates.', `${name} expires in ${plural(left, 'day')}`);
    }
    case 'HOSTNAME_MISMATCH':
      return say(
        `The certificate ${name} is not valid for ${ctx.hostName ?? 'the name asked for'}${detail}.`,
        `Install a certificate whose Subject Alternative Names list ${ctx.hostName ?? 'that name'} (make a CSR with that DNS name or IP address), or connect with a name the certificate is for.`,
        `The certificate is not valid for ${ctx.hostName ?? 'that name'}`,
      );
    case 'BAD_SIGNATURE':
      return say(
        `The signature on ${name} does not verify with its issuer's key${detail}.`,
        'The certificate was altered, or the chain holds a different certificate with the issuer\'s name: get the certificate and its chain again from the CA.',
        `The signature on ${name} does not verify`,
      );
    case 'NOT_A_CA':
      return say(
        `${name} issued the certificate below it but is not a CA certificate${detail}.`,
        'A leaf certificate cannot sign others. Put the CA\'s real intermediate in the chain, or have the certificate issued by a CA.',
        `${name} is not a CA`,
      );
    case 'PATH_LENGTH':
      return say(`${the} allows fewer CAs below it than this chain has${detail}.`, 'Use the chain the CA publishes for this certificate; the CA may need to reissue the intermediate.', 'The chain is longer than its CAs allow');
    case 'KEY_USAGE':
      return say(`${the} does not allow this use of its key${detail}.`, 'Have it reissued with the key usage this job needs (digitalSignature for TLS; keyCertSign for a CA).', `${name} has the wrong key usage`);
    case 'EXTENDED_KEY_USAGE':
      return say(
        `${the} is not allowed for ${PURPOSE_WORDS[ctx.purpose]}${detail}.`,
        `Get a certificate whose Extended Key Usage includes ${ctx.purpose}, from a CA whose intermediates allow it.`,
        `${name} is not allowed for ${ctx.purpose}`,
      );
    case 'NAME_CONSTRAINTS':
      return say(`${the} has a name its CA is not allowed to issue for${detail}.`, 'A constrained CA may only issue for its permitted names: use a name inside them, or a certificate from another CA.', `${name} breaks its CA's name constraints`);
    case 'POLICY':
      return say(`The certificate policies along the chain do not allow this path${detail}.`, 'Ask the CA which chain carries the required policy.', 'The certificate policies do not match');
    case 'UNKNOWN_CRITICAL_EXTENSION':
      return say(`${the} has a critical extension clients do not understand, so they must reject it${detail}.`, 'Have it reissued without that extension marked critical.', `${name} has an unknown critical extension`);
    case 'UNSUPPORTED_ALGORITHM':
      return say(`${the} uses an algorithm Certbench cannot check${detail}.`, 'Check it with a tool that supports this algorithm, or use a certificate with RSA, ECDSA or Ed25519.', `${name} uses an unsupported algorithm`);
    case 'MALFORMED':
      return say(`${the} is not a well-formed certificate${detail}.`, 'Get a fresh copy of it from the CA.', `${name} is malformed`);
    case 'WEAK_SIGNATURE':
      return say(`${the} is signed with ${cert?.signatureAlgorithm ?? 'a weak algorithm'}, which current clients reject${detail}.`, 'Have it reissued with SHA-256 or better.', `${name} has a weak signature`);
    case 'WEAK_KEY':
      return say(`${the} has a weak key (${cert?.keyDescription ?? 'too short'})${detail}.`, 'Make a new key (RSA 2048 or more, or EC P-256) and a new certificate for it.', `${name} has a weak key`);
    default:
      return say(`${name}: ${f.detail || f.code}.`, 'See the certificate\'s details in the Inspector.', `${name}: ${f.code}`);
  }
}
