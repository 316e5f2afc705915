/** The command table of `certbench`: commands load when run, help lists every one, and no other name runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './main';
import type { Io } from './output';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await runCli(argv, io);
  return { code, out, err };
}

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
