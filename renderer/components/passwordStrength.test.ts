/** The strength hint orders passwords the way a guesser would try them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordStrength } from './passwordStrength';

test('common words and patterns are weak; length and mixed kinds of characters make strong', () => {
  assert.equal(passwordStrength('changeit').score, 0);
  assert.equal(passwordStrength('aaaaaaaaaaaa').score, 0);
  assert.equal(passwordStrength('12345678').score, 0);
  assert.ok(passwordStrength('Tr0ub4dor&3').score >= 2);
  assert.equal(passwordStrength('correct horse battery staple').label, 'Strong');
  assert.ok(passwordStrength('kx7#Qv9!mZ2@pL').score >= 3);
  // Longer never scores lower than its prefix for random-looking text.
  let last = -1;
  for (const p of ['x', 'xQ', 'xQ7', 'xQ7#', 'xQ7#kLm', 'xQ7#kLm9v', 'xQ7#kLm9vR2!w']) {
    const s = passwordStrength(p).score;
    assert.ok(s >= last, p);
    last = s;
  }
  assert.match(passwordStrength('short1').advice ?? '', /Longer/);
  assert.equal(passwordStrength('correct horse battery staple').advice, null);
});
