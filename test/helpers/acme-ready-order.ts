/**
 * An ACME order left unfinished in a data folder, as a quit in the middle leaves it: placed over HTTP-01 against
 * pebble by a workbench on `dataDir`, which is closed the moment the CA has validated the names (state 'ready',
 * no certificate asked for yet). The next workbench on that folder finds it in orders.json and can finish it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AcmeOrderDto } from '../../main/api/dto';
import { createWorkbench } from '../../main/workbench';
import type { Pebble } from './pebble';

export async function leaveOrderReady(pebble: Pebble, dataDir: string, domain: string): Promise<AcmeOrderDto> {
  const last = createWorkbench({ dataDir, acmePollMs: 100 });
  last.grants.grant([pebble.caFile]);
  let closing: Promise<void> | null = null;
  last.events.on((event, payload) => {
    if (event === 'acme.order' && (payload as AcmeOrderDto).state === 'ready' && !closing) closing = last.acme.close();
  });
  const placed = await last.acme.issue({ directoryUrl: pebble.directoryUrl, caFile: pebble.caFile, domains: [domain], agreeTos: true, challenge: 'http-01', mode: 'serve', httpPort: pebble.httpPort, httpAddress: '127.0.0.1', key: { generate: 'ec:P-256' } });
  await last.acme.settled(placed.id);
  await closing;
  await last.acme.close();
  const stored = JSON.parse(readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8')) as { orders: { id: string; state: string }[] };
  assert.equal(stored.orders.find((o) => o.id === placed.id)?.state, 'ready', 'left unfinished');
  return placed;
}
