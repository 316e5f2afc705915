/**
 * Expiry reminders in the desktop shell: app/main.ts bundled against the fake 'electron' (as the other wiring
 * tests), with a watchlist in its userData holding a certificate that expired a day ago (made by openssl). Shortly
 * after start the reminder run shows one OS notification naming it; clicking it brings the window forward.
 * notifyReminders alone: only expiry.reminder events notify, and nothing when the OS has no notifications.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EventHub } from '../main/workbench/events';
import { dateAt, makeTestPki } from '../test/helpers/test-pki';
import { notifyReminders } from './notify';
import { FakeNotification } from './testing/fake-electron';
import { startFakeApp } from './testing/load-with-fake';

let dir = '';
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test('the app shows an OS notification for a watched certificate that expired, and a click shows the window', { timeout: 60_000 }, async () => {
  const leaf = makeTestPki('Reminder Root').issueLeaf('gone', { san: ['DNS:gone.example.test'], startDate: dateAt(-60), endDate: dateAt(-1) });
  const started = await startFakeApp();
  started.restoreArgv();
  dir = started.dir;
  const fake = started.fake;
  writeFileSync(
    join(fake.recorded.userData, 'watchlist.json'),
    JSON.stringify({
      schemaVersion: 1,
      targets: [{ id: 't_gone', kind: 'file', location: leaf.certPath, label: null, recursive: false, endpoint: null, addedAt: new Date().toISOString() }],
      settings: { thresholds: [60, 30, 3], notify: true, dailyDigest: false, monthlyDigest: false, reportsFolder: null },
      lastScan: null,
    }),
  );
  fake.app.becomeReady();
  const notifications = fake.recorded.notifications as FakeNotification[];
  for (let i = 0; i < 300 && notifications.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(notifications.length, 1);
  // notAfter a day and a few seconds ago: daysLeft -2, as the Inspector counts.
  assert.equal(notifications[0].options.title, 'gone.example.test expired 2 days ago');
  assert.match(notifications[0].options.body, new RegExp(leaf.certPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // The window also heard it (the page shows a banner).
  const win = fake.recorded.windows[0];
  assert.ok(win.webContents.sent.some((m: { channel: string }) => m.channel.endsWith('expiry.reminder')));
  const focusBefore = fake.recorded.calls.filter((c: string) => c === 'focus').length;
  notifications[0].emit('click');
  assert.equal(fake.recorded.calls.filter((c: string) => c === 'focus').length, focusBefore + 1);
});

test('notifyReminders: other events are not notifications; an OS without notifications gets none', () => {
  const events = new EventHub();
  const shown: FakeNotification[] = [];
  class Recording extends FakeNotification {
    override show() {
      shown.push(this);
    }
  }
  const off = notifyReminders(events, Recording, () => {});
  events.emit('progress', { operationId: 'op', label: 'x', fraction: 0.5, done: false });
  events.emit('expiry.reminder', { title: 'T', body: 'B', rows: [] });
  assert.deepEqual(shown.map((n) => n.options), [{ title: 'T', body: 'B' }]);
  FakeNotification.supported = false;
  try {
    events.emit('expiry.reminder', { title: 'T2', body: 'B2', rows: [] });
  } finally {
    FakeNotification.supported = true;
  }
  assert.equal(shown.length, 1);
  off();
});
