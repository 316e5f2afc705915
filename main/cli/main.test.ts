/** The command table of `certbench`: commands load when run, help lists every one, and no other name runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';


test('help lists the usage line of every command', async () => {
  const { code, out } = await cli('help');
  assert.equal(code, 0);
  for (const name of ['inspect', 'convert', 'csr', 'selfsign', 'chain', 'expiry', 'acme']) assert.match(out, new RegExp(`^  certbench ${name} `, 'm'), name);
});

test("names of JavaScript's own object members are unknown commands, not crashes", async () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    const { code, out } = await cli(name, '--json');
    assert.equal(code, 2, name);
    const { error } = JSON.parse(out);
    assert.equal(error.code, 'INVALID_ARGUMENT', name);
    assert.equal(error.message, `Unknown command "${name}".`);
  }
});
