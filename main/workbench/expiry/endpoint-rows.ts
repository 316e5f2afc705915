/** An endpoint target → a row for every certificate it serves (presence 'served'), or one error row. */
import type { ExpiryRowDto, WatchTargetDto } from '../../api/dto';
import type { RawObject } from '../../pki/model';
import type { NetworkPort } from '../../pki/net/port';
import { certificateRows, errorRow, type RowContext } from './certificate-rows';

export async function scanEndpoint(target: WatchTargetDto, net: NetworkPort, ctx: RowContext, signal?: AbortSignal): Promise<ExpiryRowDto[]> {
  const endpoint = target.endpoint;
  if (!endpoint) return [errorRow(target.id, target.location, 'served', { code: 'INVALID_ARGUMENT', message: `${target.location} has no host and port.`, hint: 'Remove it and add the endpoint again as host:port.' })];
  try {
    // servername null: the default (the host name as SNI, none for an IP address), as the chain doctor does.
    const fetched = await net.tls({ host: endpoint.host, port: endpoint.port, servername: endpoint.servername ?? undefined, starttls: endpoint.starttls, signal });
    if (fetched.served.length === 0) {
      return [errorRow(target.id, target.location, 'served', { code: 'NETWORK', message: `${target.location} sent no certificate.`, hint: 'Check that this port speaks TLS (or needs STARTTLS).' })];
    }
    const objects: RawObject[] = fetched.served.map((der) => ({ kind: 'certificate', der }));
    return certificateRows(objects, target.location, ctx);
  } catch (e) {
    return [errorRow(target.id, target.location, 'served', e)];
  }
}
