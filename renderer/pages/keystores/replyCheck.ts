/**
 * Before importing a CA reply: does one of its certificates hold the key entry's public key? The entry says
 * which public key it has (spkiSha256); main checks again on import.
 */
import type { KeystoreEntryDto, ObjectSummaryDto } from '../../../main/api/dto';

export type ReplyCheck = { state: 'match'; cert: ObjectSummaryDto } | { state: 'mismatch' } | { state: 'unknown' };

export function checkReply(entry: KeystoreEntryDto | undefined, reply: ObjectSummaryDto[], open: ObjectSummaryDto[]): ReplyCheck {
  const leafSha = entry?.certificate?.sha256.toUpperCase();
  const spki = entry?.spkiSha256 ?? (leafSha ? open.find((o) => o.sha256?.toUpperCase() === leafSha && o.spkiSha256)?.spkiSha256 : null);
  if (!spki) return { state: 'unknown' };
  const cert = reply.find((o) => o.kind === 'certificate' && o.spkiSha256 === spki);
  return cert ? { state: 'match', cert } : { state: 'mismatch' };
}
