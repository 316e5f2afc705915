/**
 * An authorization as the user answers it: the chosen challenge with everything public needed to answer it
 * by hand (HTTP-01: the URL, file name and content; DNS-01: the TXT name and value), read from the CA's snapshot.
 */
import type { AcmeAuthorizationDto, AcmeChallengeDto, AcmeChallengeType } from '../../api/dto';
import type { AcmeAuthorizationSnapshot, AcmeConnection, AcmeStatus } from '../../pki/acme/acme-connection';
import { PkiError } from '../../pki/errors';
import type { StoredAuthorization } from './store';

/** The name without "*.": what the challenge is answered for (a wildcard's TXT record sits at the base name). */
export const baseName = (domain: string) => domain.replace(/^\*\./, '');

export function authorizationStatus(status: AcmeStatus): AcmeAuthorizationDto['status'] {
  return status === 'valid' || status === 'invalid' || status === 'deactivated' || status === 'expired' || status === 'revoked' ? status : 'pending';
}

export function challengeStatus(status: AcmeStatus): AcmeChallengeDto['status'] {
  return status === 'processing' || status === 'valid' || status === 'invalid' ? status : 'pending';
}

export async function describeAuthorization(connection: AcmeConnection, snapshot: AcmeAuthorizationSnapshot, type: AcmeChallengeType): Promise<StoredAuthorization> {
  const domain = snapshot.wildcard && !snapshot.identifier.startsWith('*.') ? `*.${snapshot.identifier}` : snapshot.identifier;
  const status = authorizationStatus(snapshot.status);
  const chosen = snapshot.challenges.find((c) => c.type === type);
  if (!chosen) {
    if (status === 'pending') {
      const offered = snapshot.challenges.map((c) => c.type).join(', ') || 'none';
      throw new PkiError('ACME_REFUSED', `The CA offers no ${type} challenge for ${domain} (it offers ${offered}).`, type === 'http-01' ? 'Choose DNS-01 for this order.' : 'Choose HTTP-01 for this order (not possible for a wildcard).');
    }
    return { domain, wildcard: snapshot.wildcard, status, challenge: null, authorizationUrl: snapshot.url, challengeUrl: null, answered: true };
  }
  const keyAuthorization = await connection.keyAuthorization(chosen.token);
  const base = baseName(domain);
  const challenge: AcmeChallengeDto =
    type === 'http-01'
      ? { type, status: challengeStatus(chosen.status), token: chosen.token, url: `http://${base}/.well-known/acme-challenge/${chosen.token}`, fileName: chosen.token, fileContent: keyAuthorization }
      : { type, status: challengeStatus(chosen.status), token: chosen.token, txtName: `_acme-challenge.${base}`, txtValue: await connection.dnsValue(chosen.token) };
  if (chosen.error) challenge.error = chosen.error;
  return { domain, wildcard: snapshot.wildcard, status, challenge, authorizationUrl: snapshot.url, challengeUrl: chosen.url, answered: chosen.status !== 'pending' };
}

/** Takes the CA's latest view of an authorization into the stored one (statuses, the challenge's error). */
export function refreshAuthorization(stored: StoredAuthorization, snapshot: AcmeAuthorizationSnapshot): void {
  stored.status = authorizationStatus(snapshot.status);
  const chosen = snapshot.challenges.find((c) => c.url === stored.challengeUrl);
  if (chosen && stored.challenge) {
    stored.challenge.status = challengeStatus(chosen.status);
    if (chosen.error) stored.challenge.error = chosen.error;
    if (chosen.status !== 'pending') stored.answered = true;
  }
}
