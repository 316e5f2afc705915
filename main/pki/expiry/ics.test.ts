/**
 * The .ics export read back by a real iCalendar parser (ical.js): one all-day event per certificate on its
 * expiry day, a VALARM per threshold, stable UIDs, escaped text; and the wire rules checked by hand: CRLF,
 * lines folded at 75 octets without splitting a UTF-8 character.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { certRow, errorRow, NOW } from '../../../test/helpers/expiry-rows';
import { eventUid, foldLine, scanIcs } from './ics';

const THRESHOLDS = [60, 30, 3];

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

test('a calendar with one all-day event per certificate at its notAfter date, error rows left out', () => {
  const rows = [certRow('shop.example.test', 12), certRow('old.example.test', -3), errorRow('/srv/locked.pfx')];
  const { cal, events: evs } = events(scanIcs(rows, { thresholds: THRESHOLDS, now: NOW }));
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  assert.match(String(cal.getFirstPropertyValue('prodid')), /Certbench/);
  assert.equal(evs.length, 2);
  evs.forEach((ev, i) => {
    const e = new ICAL.Event(ev);
    const day = rows[i].notAfter!.slice(0, 10);
    assert.equal(e.startDate.isDate, true, 'all-day');
    assert.equal(e.startDate.toString(), day);
    assert.equal(e.endDate.toString(), new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10));
    assert.equal(e.uid, eventUid(rows[i]));
    assert.match(e.summary, new RegExp(rows[i].subject.slice(3, 12).replace(/\./g, '\\.')));
    assert.ok(e.description.includes(rows[i].sha256));
    assert.ok(e.description.includes(rows[i].source));
    assert.equal(ev.getFirstPropertyValue('dtstamp')!.toString(), '2026-11-27T12:00:00Z');
  });
});

test('one display alarm per threshold, TRIGGER -PnD before the day', () => {
  const { events: evs } = events(scanIcs([certRow('shop.example.test', 100)], { thresholds: THRESHOLDS, now: NOW }));
  const alarms = evs[0].getAllSubcomponents('valarm');
  assert.equal(alarms.length, 3);
  const triggers = alarms.map((a) => a.getFirstPropertyValue('trigger') as ICAL.Duration);
  assert.deepEqual(
    triggers.map((t) => [t.isNegative, t.days, t.toSeconds()]),
    THRESHOLDS.map((d) => [true, d, -d * 86_400]),
  );
  for (const a of alarms) assert.equal(a.getFirstPropertyValue('action'), 'DISPLAY');
  assert.match(String(alarms[2].getFirstPropertyValue('description')), /expires in 3 days/);
});

test('UIDs are stable per certificate and place: the same in every export, different elsewhere', () => {
  const a = certRow('shop.example.test', 12);
  const first = scanIcs([a], { thresholds: THRESHOLDS, now: NOW });
  const later = scanIcs([{ ...a, daysLeft: 2 }], { thresholds: [30], now: new Date(NOW.getTime() + 10 * 86_400_000) });
  const uid = (t: string) => new ICAL.Event(events(t).events[0]).uid;
  assert.equal(uid(first), uid(later));
  assert.notEqual(uid(first), uid(scanIcs([{ ...a, source: '/other/shop.pem' }], { thresholds: THRESHOLDS, now: NOW })));
  assert.equal(events(scanIcs([a, { ...a }], { thresholds: THRESHOLDS, now: NOW })).events.length, 1, 'the same certificate twice at one place: one event');
});

test('commas, semicolons, backslashes and line breaks are escaped and read back as they were', () => {
  const subject = 'CN=a\\, b; c,O=Back\\\\slash,OU=line\nbreak';
  const source = 'C:\\certs\\shop; prod, eu.pfx';
  const { events: evs } = events(scanIcs([certRow('x', 20, { subject, source })], { thresholds: THRESHOLDS, now: NOW }));
  const e = new ICAL.Event(evs[0]);
  assert.equal(e.location, source);
  assert.ok(e.description.startsWith(`${subject} expires`));
});

test('CRLF line ends, no line over 75 octets, folds never split a UTF-8 character', () => {
  const long = certRow('ünïcödé-証明書-'.repeat(12) + 'example.test', 20, { source: '/very/long/' + 'päth/'.repeat(40) + 'cert.pem' });
  const text = scanIcs([long], { thresholds: THRESHOLDS, now: NOW });
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  const lines = text.split('\r\n').slice(0, -1);
  assert.ok(lines.some((l) => l.startsWith(' ')), 'something was folded');
  for (const l of lines) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `${Buffer.byteLength(l)} octets: ${l}`);
  // The parser unfolds it back to the very text.
  const e = new ICAL.Event(events(text).events[0]);
  assert.equal(e.location, long.source);
  // Folding at the octet limit with 3-byte characters: each piece whole.
  const folded = foldLine('X:' + '証'.repeat(60));
  for (const piece of folded.split('\r\n')) assert.ok(!piece.includes('\uFFFD') && Buffer.byteLength(piece) <= 75);
  assert.equal(folded.split('\r\n').map((p, i) => (i ? p.slice(1) : p)).join(''), 'X:' + '証'.repeat(60));
});

test('an empty scan is an empty but valid calendar', () => {
  const { cal, events: evs } = events(scanIcs([], { thresholds: THRESHOLDS, now: NOW }));
  assert.equal(evs.length, 0);
  assert.equal(cal.name, 'vcalendar');
});
