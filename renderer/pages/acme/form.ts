/**
 * The Issue certificate form: everything the wizard edits, what blocks each step, and the acme.issue request
 * it becomes. The CA's directory (terms, external account binding) is read on the user's say-so and belongs
 * to the directory URL and CA file it was read with: change either and it has to be read again.
 */
import type { AcmeCaDto, AcmeChallengeMode, AcmeChallengeType, AcmeDirectoryDto, AcmeIssueRequest, AcmeKeyChoiceDto, SanDto } from '../../../main/api/dto';
import { domainsOf, namesBlocker, rowsOf, wildcardsOf } from './names';

export type CaChoice = AcmeCaDto['id'];
export type AcmeKeySpec = Extract<AcmeKeyChoiceDto, { generate: unknown }>['generate'];

/** How each name is proven, as the page offers it (hooks are the command line's). */
export type ChallengeChoice = 'http-serve' | 'http-manual' | 'dns-manual';

export const CHALLENGES: Record<ChallengeChoice, { challenge: AcmeChallengeType; mode: Exclude<AcmeChallengeMode, 'hook'> }> = {
  'http-serve': { challenge: 'http-01', mode: 'serve' },
  'http-manual': { challenge: 'http-01', mode: 'manual' },
  'dns-manual': { challenge: 'dns-01', mode: 'manual' },
};

export interface AcmeForm {
  ca: CaChoice;
  /** The directory URL when ca is 'custom'. */
  customUrl: string;
  /** A PEM file of CA certificates to trust for the ACME server's own TLS ('' for the system roots only). */
  caFile: string;
  email: string;
  agreed: boolean;
  eabKid: string;
  eabHmacKey: string;
  names: SanDto[];
  key: AcmeKeyChoiceDto;
  challenge: ChallengeChoice;
  /** Text as typed: checked before the request is made. */
  httpPort: string;
  httpAddress: string;
  /** DNS servers for the live checks, separated by commas or spaces ('' = the system's). */
  dnsServers: string;
}

export const DEFAULT_KEY: AcmeKeySpec = 'ec:P-256';

export const INITIAL_FORM: AcmeForm = {
  ca: 'letsencrypt-staging',
  customUrl: '',
  caFile: '',
  email: '',
  agreed: false,
  eabKid: '',
  eabHmacKey: '',
  names: rowsOf([]),
  key: { generate: DEFAULT_KEY },
  challenge: 'http-serve',
  httpPort: '80',
  httpAddress: '',
  dnsServers: '',
};

/** The directory URL the form points at, or null when a custom one is not an https:// URL yet. */
export function directoryUrlOf(form: Pick<AcmeForm, 'ca' | 'customUrl'>, cas: readonly AcmeCaDto[]): string | null {
  if (form.ca !== 'custom') return cas.find((c) => c.id === form.ca)?.directoryUrl ?? null;
  const text = form.customUrl.trim();
  try {
    const url = new URL(text);
    // RFC 8555 runs over HTTPS only; main refuses anything else too.
    return url.protocol === 'https:' && url.hostname ? text : null;
  } catch {
    return null;
  }
}

/** The CA as the plan names it: a known CA's name, else the directory's host. */
export function caNameOf(form: Pick<AcmeForm, 'ca'>, cas: readonly AcmeCaDto[], directoryUrl: string | null): string {
  const known = cas.find((c) => c.id === form.ca);
  if (known) return known.name;
  return directoryUrl ? new URL(directoryUrl).host : 'the CA';
}

/** What a directory read belongs to: the URL and the CA file it was read with. */
export const directoryKey = (url: string, caFile: string) => `${url}\n${caFile.trim()}`;

export interface DirectoryRead {
  key: string;
  directory: AcmeDirectoryDto;
}

/** The directory read for the form's current CA, or null when none was read for it (or it changed since). */
export function currentDirectory(form: AcmeForm, cas: readonly AcmeCaDto[], read: DirectoryRead | null): AcmeDirectoryDto | null {
  const url = directoryUrlOf(form, cas);
  return url && read && read.key === directoryKey(url, form.caFile) ? read.directory : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(email: string): string | null {
  const e = email.trim();
  return e === '' || EMAIL.test(e) ? null : 'An email address looks like name@example.com (or leave it empty).';
}

/** Why the CA step cannot go on, or null. */
export function caBlocker(form: AcmeForm, cas: readonly AcmeCaDto[], directory: AcmeDirectoryDto | null): string | null {
  if (form.ca === 'custom' && !directoryUrlOf(form, cas)) return 'Type the CA’s directory URL (https://…/directory).';
  if (!directory) return 'Connect to the CA to read its terms.';
  if (directory.termsOfService && !form.agreed) return 'Agree to the CA’s terms of service to go on.';
  if (directory.externalAccountRequired && (!form.eabKid.trim() || !form.eabHmacKey.trim())) return 'This CA needs the key ID and HMAC key of your account with it.';
  return emailProblem(form.email);
}

/** A wildcard forces DNS-01 (the only challenge a CA accepts for one). */
export function effectiveChallenge(form: Pick<AcmeForm, 'names' | 'challenge'>): ChallengeChoice {
  return wildcardsOf(domainsOf(form.names)).length > 0 ? 'dns-manual' : form.challenge;
}

export function portProblem(text: string): string | null {
  const t = text.trim();
  return /^\d{1,5}$/.test(t) && Number(t) >= 1 && Number(t) <= 65_535 ? null : 'A port is a number from 1 to 65535.';
}

/** "127.0.0.1:8053, 1.1.1.1" → ["127.0.0.1:8053", "1.1.1.1"]. */
export const dnsServersOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export function dnsServersProblem(text: string): string | null {
  const servers = dnsServersOf(text);
  if (servers.length > 10) return 'At most 10 DNS servers.';
  const bad = servers.find((s) => !/^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9a-f:]+\](:\d{1,5})?|[0-9a-f:]+)$/i.test(s));
  return bad ? `${bad} is not an address (1.1.1.1, 127.0.0.1:8053 or [2606:4700::1111]:53).` : null;
}

export function challengeBlocker(form: AcmeForm): string | null {
  if (effectiveChallenge(form) === 'http-serve') {
    const port = portProblem(form.httpPort);
    if (port) return port;
    if (form.httpAddress.trim().length > 100) return 'The address is too long.';
  }
  return dnsServersProblem(form.dnsServers);
}

export function keyBlocker(form: AcmeForm, csrIds: ReadonlySet<string>): string | null {
  if ('csrObjectId' in form.key && !csrIds.has(form.key.csrObjectId)) return 'Choose a CSR open in Inspect, or let Certbench make a new key.';
  return null;
}

/** The request acme.issue gets; only call it when no step has a blocker. */
export function requestOf(form: AcmeForm, cas: readonly AcmeCaDto[]): AcmeIssueRequest {
  const directoryUrl = directoryUrlOf(form, cas);
  if (!directoryUrl) throw new Error('requestOf: no directory URL');
  const choice = effectiveChallenge(form);
  const { challenge, mode } = CHALLENGES[choice];
  const servers = dnsServersOf(form.dnsServers);
  return {
    directoryUrl,
    ...(form.caFile.trim() ? { caFile: form.caFile.trim() } : {}),
    domains: domainsOf(form.names),
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    agreeTos: form.agreed,
    ...(form.eabKid.trim() && form.eabHmacKey.trim() ? { eab: { kid: form.eabKid.trim(), hmacKey: form.eabHmacKey.trim() } } : {}),
    challenge,
    mode,
    ...(mode === 'serve' ? { httpPort: Number(form.httpPort.trim()), ...(form.httpAddress.trim() ? { httpAddress: form.httpAddress.trim() } : {}) } : {}),
    key: form.key,
    ...(servers.length ? { dnsServers: servers } : {}),
  };
}

export { namesBlocker };
