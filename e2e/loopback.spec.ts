/**
 * The loopback host in a real browser: the page's own requests carry the token in a header and never in a
 * URL (events included), and a script in the page that holds the token still cannot make the host read a
 * file: the browser way to open a file is its bytes.
 */
import type { Request } from '@playwright/test';
import { test, expect, fixture, webHostOnly } from './harness';

webHostOnly(test);

test('every request the page makes keeps the token out of the URL; calls and the event stream send it as a header', async ({ app: page, host }) => {
  const apiRequests: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiRequests.push(r);
  });
  // A reload subscribes afresh, so the event stream's own request is seen too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inspect' })).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(fixture('slow.pfx'));
  const dialog = page.getByRole('dialog', { name: 'Password for slow.pfx' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByLabel('Password', { exact: true }).fill('slow');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  // The label comes from main over the event stream: the stream works with the header alone.
  await expect(dialog.getByRole('status')).toContainText(/Opening slow\.pfx/);
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const paths = apiRequests.map((r) => new URL(r.url()).pathname);
  expect(paths).toContain('/api/events');
  expect(paths).toContain('/api/call');
  for (const r of apiRequests) {
    expect(r.url(), 'no token in a URL').not.toContain(host.token);
    expect(new URL(r.url()).search, 'no query string').toBe('');
    expect(await r.headerValue('x-certbench-token')).toBe(host.token);
  }
});

test('a script in the page, token in hand, cannot have the host read a path; a token in the URL is refused', async ({ app: page, host }) => {
  const answers = await page.evaluate(async () => {
    const token = sessionStorage.getItem('certbench.token') ?? '';
    const call = async (paths: string[]) => {
      const res = await fetch('api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-certbench-token': token },
        body: JSON.stringify({ method: 'documents.openPaths', request: { paths } }),
      });
      return { status: res.status, body: await res.text() };
    };
    return {
      tokenLength: token.length,
      passwd: await call(['/etc/passwd']),
      environ: await call(['/proc/self/environ']),
      dotdot: await call(['../../../../../../etc/passwd']),
    };
  });
  // Sent from outside the page: the browser would log the expected 401s as page errors.
  const queryEvents = await page.request.get(`${host.origin}/api/events?token=${host.token}`);
  const queryCall = await page.request.post(`${host.origin}/api/call?token=${host.token}`, { headers: { Origin: host.origin }, data: { method: 'documents.list', request: {} } });
  expect(answers.tokenLength).toBe(64);
  for (const r of [answers.passwd, answers.environ, answers.dotdot]) {
    expect(r.status).toBe(200);
    const envelope = JSON.parse(r.body);
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('INVALID_ARGUMENT');
    expect(r.body).not.toMatch(/root:|PATH=|HOME=/);
  }
  expect(answers.passwd.body).toBe(answers.environ.body);
  expect(queryEvents.status()).toBe(401);
  expect(queryCall.status()).toBe(401);
  expect((await host.workbench.handlers['documents.list']({})).documents).toEqual([]);
});
