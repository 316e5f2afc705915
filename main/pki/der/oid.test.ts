/**
 * oidOf answers from the OIDs it decoded last by comparing content bytes in place: whatever the order, the
 * length or the neighbours of an OID, the answer is its own dotted form (checked against the encoder and
 * against a fresh decode), and the limits still refuse an overlong one first.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PkiError } from '../errors';
import { oidOf, readRoot } from './der';
import { MAX_OID_ARCS } from './limits';
import { objectIdentifier } from './write';

const decode = (dotted: string) => oidOf(readRoot(objectIdentifier(dotted)));

it('each OID decodes to itself among more neighbours than are remembered, in any order', () => {
  const oids = [
    '1.2.840.10045.2.1', '1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35', '1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11',
    '2.5.29.14', '2.5.29.15', '2.5.29.19', '2.5.29.35', '2.5.29.17', '2.5.4.3', '2.5.4.6', '2.5.4.10', '1.3.6.1.4.1.42.2.17.1.1',
    '1.3.6.1.4.1.42.2.19.1', '2.5.29', '2.5.29.1', '2.5.29.128', '2.999.1', '2.25.329800735698586629295641978511506172918',
    '0.9.2342.19200300.100.1.25', '1.2.840.113549.1.9.1', '1.2.840.113549.1.1.10',
  ];
  for (let round = 0; round < 3; round++) {
    const order = round === 1 ? [...oids].reverse() : round === 2 ? oids.filter((_, i) => i % 3 === 0).concat(oids) : oids;
    for (const oid of order) assert.equal(decode(oid), oid);
  }
});

it('an OID inside a larger buffer is read from its own bytes only', () => {
  const inner = objectIdentifier('2.5.29.19');
  const longer = objectIdentifier('2.5.29.19.1');
  const buffer = Uint8Array.from([...longer, ...inner, ...objectIdentifier('2.5.29.1')]);
  assert.equal(oidOf({ bytes: buffer, tag: 6, start: 0, valueStart: 2, end: longer.length }), '2.5.29.19.1');
  assert.equal(oidOf({ bytes: buffer, tag: 6, start: longer.length, valueStart: longer.length + 2, end: longer.length + inner.length }), '2.5.29.19');
  assert.equal(oidOf({ bytes: buffer, tag: 6, start: 0, valueStart: 2, end: longer.length }), '2.5.29.19.1');
});

it('an OID over the arc limit is refused even right after its prefix was decoded', () => {
  const arcs = Array.from({ length: MAX_OID_ARCS + 1 }, (_, i) => (i < 2 ? i + 1 : 5)).join('.');
  decode(arcs.split('.').slice(0, MAX_OID_ARCS).join('.'));
  assert.throws(() => decode(arcs), (e: unknown) => e instanceof PkiError);
});
