/**
 * OpenMetrics export read back by a strict parser of the specification's ABNF (test/helpers/openmetrics-parser.ts):
 * families, TYPE/UNIT/HELP, label escaping, one series per certificate at a place, values, # EOF.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certRow, errorRow, NOW } from '../../../test/helpers/expiry-rows';
import { parseOpenMetrics } from '../../../test/helpers/openmetrics-parser';
import { labelValue, scanOpenMetrics } from './openmetrics';

const rows = [certRow('shop.example.test', 12), certRow('old.example.test', -4), certRow('api.example.test', 200, { presence: 'served', source: 'api.example.test:443' }), errorRow('/srv/certs/locked.pfx')];

test('every metric family is there, typed, with help, and the file ends in # EOF', () => {
  const text = scanOpenMetrics(rows, NOW);
  assert.ok(text.endsWith('# EOF\n'));
  const families = parseOpenMetrics(text);
  assert.deepEqual([...families.keys()], ['certbench_cert_not_after_seconds', 'certbench_cert_days_left', 'certbench_cert_status', 'certbench_scan_errors', 'certbench_scan_timestamp_seconds']);
  for (const f of families.values()) {
    assert.equal(f.type, 'gauge', f.name);
    assert.ok(f.help && f.help.length > 10, f.name);
  }
  assert.equal(families.get('certbench_cert_not_after_seconds')!.unit, 'seconds');
  assert.equal(families.get('certbench_scan_timestamp_seconds')!.unit, 'seconds');
});

test('one series per certificate with its notAfter, days left and status; errors counted; the scan time', () => {
  const f = parseOpenMetrics(scanOpenMetrics(rows, NOW));
  const notAfter = f.get('certbench_cert_not_after_seconds')!.samples;
  assert.equal(notAfter.length, 3);
  for (const [i, r] of rows.slice(0, 3).entries()) {
    assert.deepEqual(notAfter[i].labels, { source: r.source, subject: r.subject, sha256: r.sha256 });
    assert.equal(notAfter[i].value, Date.parse(r.notAfter!) / 1000);
    assert.equal(f.get('certbench_cert_days_left')!.samples[i].value, r.daysLeft);
    assert.deepEqual(f.get('certbench_cert_status')!.samples[i].labels, { source: r.source, subject: r.subject, sha256: r.sha256, status: r.status });
    assert.equal(f.get('certbench_cert_status')!.samples[i].value, 1);
  }
  assert.equal(f.get('certbench_cert_days_left')!.samples[1].value, -5);
  assert.equal(f.get('certbench_scan_errors')!.samples[0].value, 1);
  assert.equal(f.get('certbench_scan_timestamp_seconds')!.samples[0].value, NOW.getTime() / 1000);
});

test('label values with quotes, backslashes and line feeds are escaped and read back as they were', () => {
  const odd = certRow('x', 40, { subject: 'CN=quote " back \\ slash,O=new\nline,OU=ünïcödé 証明書', source: 'C:\\certs\\"odd".pem' });
  const text = scanOpenMetrics([odd], NOW);
  const sample = parseOpenMetrics(text).get('certbench_cert_not_after_seconds')!.samples[0];
  assert.equal(sample.labels.subject, odd.subject);
  assert.equal(sample.labels.source, odd.source);
  assert.equal(labelValue('a"b\\c\nd'), 'a\\"b\\\\c\\nd');
});

test('the same certificate twice at one place is one series (a duplicate would make the file unreadable)', () => {
  const a = certRow('dup.example.test', 20);
  const f = parseOpenMetrics(scanOpenMetrics([a, { ...a }, { ...a, source: '/elsewhere/dup.pem' }], NOW));
  assert.equal(f.get('certbench_cert_not_after_seconds')!.samples.length, 2);
  assert.equal(f.get('certbench_cert_status')!.samples.length, 2);
});

test('an empty scan is still a valid exposition', () => {
  const f = parseOpenMetrics(scanOpenMetrics([], NOW));
  assert.equal(f.get('certbench_cert_not_after_seconds')!.samples.length, 0);
  assert.equal(f.get('certbench_scan_errors')!.samples[0].value, 0);
});

test('the strict parser refuses what Prometheus would refuse', () => {
  const good = scanOpenMetrics(rows, NOW);
  assert.throws(() => parseOpenMetrics(good.replace('# EOF\n', '')), /EOF/);
  assert.throws(() => parseOpenMetrics(good.replace('subject="CN=shop', 'subject="CN="shop')), /quote|label/);
  const line = good.split('\n').find((l) => l.startsWith('certbench_cert_days_left{'))!;
  assert.throws(() => parseOpenMetrics(good.replace(line, `${line}\n${line}`)), /duplicate series/);
  assert.throws(() => parseOpenMetrics(good.replace('# HELP certbench_scan_errors', '# HELP certbench_cert_days_left')), /./);
});
