/**
 * The web host and expiry reminders: with `reminders` (npm run web) the scheduler runs and stops with the host;
 * without (the e2e harness) it does not; a reminder reaches the page as a named `expiry.reminder` event on the
 * stream, triggered by a real run over a watchlist holding an openssl-made expired certificate in the output folder.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dateAt, makeTestPki } from '../test/helpers/test-pki';
import { startHost, TOKEN_HEADER } from './host';

const scheduled = (host: { workbench: { reminders: unknown } }) => (host.workbench.reminders as { handle: unknown }).handle !== null;

test('the scheduler runs only when asked, and stops with the host', async () => {
  const site = mkdtempSync(join(tmpdir(), 'host-rem-'));
  const off = await startHost({ staticDir: site, dataDir: mkdtempSync(join(tmpdir(), 'host-rem-data-')) });
  assert.equal(scheduled(off), false);
  await off.close();
  const on = await startHost({ staticDir: site, dataDir: mkdtempSync(join(tmpdir(), 'host-rem-data-')), reminders: true });
  assert.equal(scheduled(on), true);
  await on.close();
  assert.equal(scheduled(on), false);
});

test('a reminder reaches the page on the event stream', async () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'host-rem-out-'));
  const leaf = makeTestPki('Host Reminder Root').issueLeaf('late', { san: ['DNS:late.example.test'], startDate: dateAt(-90), endDate: dateAt(-5) });
  writeFileSync(join(outputDir, 'late.pem'), leaf.pem);
  const host = await startHost({ staticDir: outputDir, outputDir, dataDir: mkdtempSync(join(tmpdir(), 'host-rem-data-')) });
  try {
    await host.workbench.handlers['expiry.addTargets']({ targets: [{ kind: 'folder', location: outputDir }] });
    const text = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token } }, (res) => {
        let seen = '';
        res.on('data', (c: Buffer) => {
          seen += c.toString('utf8');
          if (seen.includes('event: expiry.reminder') && seen.includes('\n\n', seen.indexOf('event: expiry.reminder'))) {
            resolve(seen);
            req.destroy();
          }
        });
        void host.workbench.reminders.run();
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.end();
    });
    const data = JSON.parse(/event: expiry\.reminder\ndata: (.*)\n/.exec(text)![1]);
    assert.equal(data.title, 'late.example.test expired 6 days ago');
    assert.equal(data.rows[0].source, join(outputDir, 'late.pem'));
  } finally {
    await host.close();
  }
});
