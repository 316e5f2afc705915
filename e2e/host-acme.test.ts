/**
 * The web host and ACME orders: with `acme` (npm run web) an order left unfinished in the data folder (the last
 * run stopped once the CA had validated it) is finished on start; without it (the e2e harness) it waits until a
 * test resumes it; close() stops ACME work, after which no order starts. Against Debian's pebble on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { leaveOrderReady } from '../test/helpers/acme-ready-order';
import { startPebble, type Pebble } from '../test/helpers/pebble';
import { rejectsWith } from '../test/helpers/pki-errors';
import { startHost } from './host';

let pebble: Pebble;
before(async () => {
  pebble = await startPebble();
});
after(async () => {
  await pebble?.stop();
});

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

test('npm run web resumes unfinished orders on start; close() stops ACME work', { timeout: 60_000 }, async () => {
  const dataDir = temp('host-acme-data-');
  const placed = await leaveOrderReady(pebble, dataDir, 'web-resumed.example.test');
  const host = await startHost({ staticDir: temp('host-acme-site-'), dataDir, acme: true });
  try {
    const done = await host.workbench.acme.settled(placed.id);
    assert.equal(done.state, 'issued', JSON.stringify(done.problem));
    assert.ok(done.timeline.some((s) => /Resumed/.test(s.message)));
  } finally {
    await host.close();
  }
  host.workbench.grants.grant([pebble.caFile]);
  const request = { directoryUrl: pebble.directoryUrl, caFile: pebble.caFile, domains: ['after-close.example.test'], agreeTos: true, challenge: 'http-01' as const, mode: 'serve' as const, httpPort: pebble.httpPort, httpAddress: '127.0.0.1', key: { generate: 'ec:P-256' as const } };
  await rejectsWith(host.workbench.acme.issue(request), 'CANCELLED');
});

test('without `acme` (the e2e harness) an unfinished order waits for the test to resume it', { timeout: 60_000 }, async () => {
  const dataDir = temp('host-acme-data-');
  const placed = await leaveOrderReady(pebble, dataDir, 'web-waits.example.test');
  const host = await startHost({ staticDir: temp('host-acme-site-'), dataDir });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const [order] = (await host.workbench.handlers['acme.orders']({})).orders;
    assert.equal(order.id, placed.id);
    assert.equal(order.state, 'ready');
    assert.equal(order.busy, false);
    await host.workbench.acme.resumeUnfinished();
    assert.equal((await host.workbench.acme.settled(placed.id)).state, 'issued');
  } finally {
    await host.close();
  }
});
