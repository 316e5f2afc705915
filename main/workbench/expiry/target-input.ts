/** A watchlist target from what the user gave: paths made absolute and normal, endpoints parsed as the chain CLI does. */
import { resolve } from 'node:path';
import type { WatchTargetDto, WatchTargetInput } from '../../api/dto';
import { parseHostPort } from '../../cli/host-port';
import { PkiError } from '../../pki/errors';

export function targetFromInput(input: WatchTargetInput, id: string, now: Date): WatchTargetDto {
  const label = input.label?.trim() || null;
  const addedAt = now.toISOString();
  if (input.kind === 'endpoint') {
    const text = input.location.trim();
    const hp = parseHostPort(text);
    if (!hp) throw new PkiError('INVALID_ARGUMENT', `"${text}" is not a server address with a port.`, 'Write it as host:port, e.g. shop.example.com:443 or [::1]:8443.');
    const host = hp.host.replace(/^\[(.*)\]$/, '$1');
    const location = host.includes(':') ? `[${host}]:${hp.port}` : `${host.toLowerCase()}:${hp.port}`;
    const servername = input.servername?.trim() || null;
    return { id, kind: 'endpoint', location, label, recursive: false, endpoint: { host: host.includes(':') ? host : host.toLowerCase(), port: hp.port, servername, starttls: input.starttls ?? null }, hasPassword: false, addedAt };
  }
  const raw = input.location;
  if (raw.trim() === '' || raw.includes('\0')) throw new PkiError('INVALID_ARGUMENT', 'That is not a path.', 'Choose a file or folder.');
  if (input.servername || input.starttls) {
    throw new PkiError('INVALID_ARGUMENT', 'A server name (SNI) or STARTTLS applies to endpoints only.', 'Leave them empty for files and folders.');
  }
  return { id, kind: input.kind, location: resolve(raw), label, recursive: input.kind === 'folder' ? input.recursive ?? true : false, endpoint: null, hasPassword: input.password !== undefined, addedAt };
}
