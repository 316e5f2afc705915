/**
 * The CSV export opened as a spreadsheet program opens it: SheetJS reads the file into a workbook, and every cell
 * is the value Certbench wrote (numbers as numbers, text as text, the formula guard kept as text, not evaluated).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from 'xlsx';
import { certRow, errorRow } from '../../../test/helpers/expiry-rows';
import { CSV_COLUMNS, scanCsv } from './csv';

test('a spreadsheet reads one sheet: the header, then one row per certificate with days left as numbers', () => {
  const rows = [certRow('shop.example.test', 12), certRow('old.example.test', -3), errorRow('/srv/locked.pfx')];
  const book = XLSX.read(scanCsv(rows), { type: 'string', raw: false });
  assert.equal(book.SheetNames.length, 1);
  const sheet = book.Sheets[book.SheetNames[0]];
  const table = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, blankrows: false, defval: '' });
  assert.deepEqual(table[0], [...CSV_COLUMNS]);
  assert.equal(table.length, 4);
  const at = (r: number, name: (typeof CSV_COLUMNS)[number]) => table[r][CSV_COLUMNS.indexOf(name)];
  assert.equal(at(1, 'subject'), rows[0].subject);
  assert.equal(at(1, 'daysLeft'), rows[0].daysLeft);
  assert.equal(typeof at(1, 'daysLeft'), 'number');
  assert.equal(at(2, 'daysLeft'), rows[1].daysLeft);
  assert.ok((rows[1].daysLeft ?? 0) < 0);
  assert.equal(at(2, 'status'), 'expired');
  assert.equal(at(3, 'status'), 'error');
  assert.equal(at(3, 'source'), '/srv/locked.pfx');
});

test('a value that looks like a formula stays text in the spreadsheet: no cell holds a formula', () => {
  const hostile = { ...certRow('shop.example.test', 40), subject: '=HYPERLINK("http://evil.test","x")', source: '+cmd|calc' };
  const book = XLSX.read(scanCsv([hostile]), { type: 'string' });
  const sheet = book.Sheets[book.SheetNames[0]];
  for (const [ref, cell] of Object.entries(sheet)) {
    if (ref.startsWith('!')) continue;
    assert.equal((cell as XLSX.CellObject).f, undefined, `cell ${ref} is not a formula`);
  }
  const table = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
  assert.equal(table[1][CSV_COLUMNS.indexOf('subject')], `'=HYPERLINK("http://evil.test","x")`);
  assert.equal(table[1][CSV_COLUMNS.indexOf('source')], `'+cmd|calc`);
});
