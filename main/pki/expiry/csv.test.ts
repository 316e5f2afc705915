/**
 * CSV export read back by a real spreadsheet-grade parser (papaparse): RFC 4180 quoting and CRLF, the header,
 * every field as written, and formula injection guarded with a leading apostrophe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Papa from 'papaparse';
import { certRow, errorRow } from '../../../test/helpers/expiry-rows';
import { CSV_COLUMNS, scanCsv } from './csv';

const parse = (text: string) => {
  const r = Papa.parse<string[]>(text, { skipEmptyLines: false });
  assert.deepEqual(r.errors, []);
  assert.equal(r.meta.linebreak, '\r\n');
  return r.data;
};

test('a header row, one record per row, every column as in the row; lines end in CRLF', () => {
  const rows = [certRow('shop.example.test', 12), certRow('old.example.test', -3), errorRow('/srv/locked.pfx')];
  const text = scanCsv(rows);
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  const data = parse(text);
  assert.deepEqual(data[0], [...CSV_COLUMNS]);
  assert.deepEqual(data.at(-1), [''], 'the last record ends with CRLF');
  const records = data.slice(1, -1);
  assert.equal(records.length, 3);
  const [shop, , err] = records;
  const col = (rec: string[], name: (typeof CSV_COLUMNS)[number]) => rec[CSV_COLUMNS.indexOf(name)];
  assert.equal(col(shop, 'source'), rows[0].source);
  assert.equal(col(shop, 'subject'), rows[0].subject);
  assert.equal(col(shop, 'issuer'), rows[0].issuer);
  assert.equal(col(shop, 'sha256'), rows[0].sha256);
  assert.equal(col(shop, 'serial'), rows[0].serial);
  assert.equal(col(shop, 'notBefore'), rows[0].notBefore);
  assert.equal(col(shop, 'notAfter'), rows[0].notAfter);
  assert.equal(col(shop, 'daysLeft'), '12');
  assert.equal(col(shop, 'status'), 'expiring');
  assert.equal(col(shop, 'threshold'), '30');
  assert.equal(col(shop, 'presence'), 'stored');
  assert.equal(col(shop, 'error'), '');
  assert.equal(col(records[1], 'daysLeft'), '-4', 'negative days stay numbers');
  assert.equal(col(err, 'status'), 'error');
  assert.equal(col(err, 'error'), 'WRONG_PASSWORD: The password is wrong.');
  assert.equal(col(err, 'notAfter'), '');
});

test('commas, quotes, line breaks and non-ASCII survive the round trip', () => {
  const subject = 'CN=shop\\, "the big one",O=Ex\r\nample,OU=Müller 証明書';
  const rows = [certRow('x', 40, { subject, source: '/srv/a "quoted", path.pem' })];
  const text = scanCsv(rows);
  assert.ok(text.includes('"CN=shop\\, ""the big one"",O=Ex\r\nample,OU=Müller 証明書"'));
  const rec = parse(text)[1];
  assert.equal(rec[CSV_COLUMNS.indexOf('subject')], subject);
  assert.equal(rec[CSV_COLUMNS.indexOf('source')], '/srv/a "quoted", path.pem');
});

test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];
  const rows = hostile.map((h, i) => certRow(`h${i}`, 90, { subject: h, source: h, issuer: h }));
  const data = parse(scanCsv(rows)).slice(1, -1);
  data.forEach((rec, i) => {
    for (const name of ['subject', 'source', 'issuer'] as const) {
      assert.equal(rec[CSV_COLUMNS.indexOf(name)], `'${hostile[i]}`, `${name} of ${JSON.stringify(hostile[i])}`);
    }
  });
  // Safe text is left alone, apostrophe-free.
  const plain = parse(scanCsv([certRow('safe', 90)]))[1];
  assert.equal(plain[CSV_COLUMNS.indexOf('subject')], 'CN=safe,O=Example Corp,C=US');
});

test('no rows: the header alone', () => {
  assert.equal(scanCsv([]), CSV_COLUMNS.join(',') + '\r\n');
});
