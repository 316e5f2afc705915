import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordStrength } from './passwordHint';

test('shorter than keytool accepts is too short, and says why', () => {
  const s = passwordStrength('abc12');
  assert.equal(s.level, 'too-short');
  assert.match(s.words, /keytool/);
  assert.equal(passwordStrength('', 1).level, 'too-short');
  assert.equal(passwordStrength('a', 1).level, 'weak');
});

test('the defaults every guide uses are weak whatever their length', () => {
  assert.equal(passwordStrength('changeit').level, 'weak');
  assert.equal(passwordStrength('ChangeIt').level, 'weak');
  assert.equal(passwordStrength('password').level, 'weak');
});

test('length and variety make a password fair, then strong', () => {
  assert.equal(passwordStrength('aaaaaaaaaaaaaaaaaaaa').level, 'weak');
  assert.equal(passwordStrength('hunter22').level, 'weak');
  assert.equal(passwordStrength('Tr0ub4dor&3').level, 'fair');
  assert.equal(passwordStrength('Tr0ub4dor&3x!').level, 'strong');
  assert.equal(passwordStrength('correct horse battery staple').level, 'strong');
});
