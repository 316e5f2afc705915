/** Dates next to day counts, as a person reads them; the date is the one OpenSSL prints for the certificate. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { createWorkbench, type Workbench } from '../../../main/workbench';
import { fixture } from '../../../test/helpers/fixtures';
import { expiryWords, placeWords, spanWords } from './words';

/** Opens paths as the user's file dialog would: granted first. */
const openChosen = (wb: Workbench, paths: string[]) => (wb.grants.grant(paths), wb.handlers['documents.openPaths']({ paths }));

const DAY = 86_400_000;

test('spans: days up to two years, whole years beyond', () => {
  assert.equal(spanWords(1), '1 day');
  assert.equal(spanWords(105), '105 days');
  assert.equal(spanWords(-325), '325 days');
  assert.equal(spanWords(730), '730 days');
  assert.equal(spanWords(731), '2 years');
  assert.equal(spanWords(3653), '10 years');
});

test('expiry words put OpenSSL\'s end date next to the engine\'s day count', async () => {
  // openssl prints "notAfter=Dec 27 10:35:42 2027 GMT": the words say "27 Dec 2027".
  const end = execFileSync('openssl', ['x509', '-noout', '-enddate', '-in', fixture('x509', 'leaf.pem')], { encoding: 'utf8' }).trim().replace('notAfter=', '');
  const [mon, day, , year] = end.split(/\s+/);
  const date = `${Number(day)} ${mon} ${year}`;
  for (const [daysBefore, expected] of [
    [105, `Expires ${date}, in 105 days`],
    [0.5, `Expires today, ${date}`],
    [-40, `Expired ${date}, 40 days ago`],
  ] as const) {
    const now = new Date(new Date(end).getTime() - daysBefore * DAY);
    const wb = createWorkbench({ now: () => now });
    const state = await openChosen(wb, [fixture('x509', 'leaf.pem')]);
    assert.equal(expiryWords(state.documents[0]!.objects[0]!), expected);
  }
  assert.equal(expiryWords({ notAfter: null, daysLeft: null, validity: 'invalid-time' }), 'Bad validity dates');
});

test('places in a file: PEM blocks and chain positions stay, PKCS#12 internals and entry names go', () => {
  assert.equal(placeWords('PEM block 3 (line 40)'), 'PEM block 3 (line 40)');
  assert.equal(placeWords('safe 1, bag 2'), null);
  assert.equal(placeWords("entry 'tomcat'"), null);
  assert.equal(placeWords("entry 'tomcat', chain cert 2"), 'chain cert 2');
  assert.equal(placeWords(null), null);
});
