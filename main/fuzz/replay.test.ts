/**
 * Replays every reproducer the fuzzer saved (test/fuzz-regressions) through the read entry point, each in
 * a worker with the fuzz limits: every one must give a typed result within 2 s and 512 MB.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../../test/helpers/fixtures';
import { loadReproducers, REGRESSION_DIR } from './regressions';
import { FuzzRunner } from './runner';

const reproducers = loadReproducers(join(ROOT, REGRESSION_DIR));
const runner = new FuzzRunner();
after(() => runner.close());

describe('fuzz regressions', () => {
  it('the regression folder holds reproducers', () => {
    assert.ok(reproducers.length >= 5, `only ${reproducers.length} files in ${REGRESSION_DIR}`);
  });

  for (const r of reproducers) {
    it(`${r.file}${r.password === undefined ? '' : ' (with its password)'} gives a typed answer within the limits`, async () => {
      const verdict = await runner.run(r.bytes, r.password);
      assert.ok(verdict.kind === 'ok' || verdict.kind === 'typed', JSON.stringify(verdict));
    });
  }
});
