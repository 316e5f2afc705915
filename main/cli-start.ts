/**
 * Entry of dist/main/cli.js: runs the bundled command line (dist/main/cli-engine.js, built from cli.ts) with V8's
 * code cache kept beside it. Compiling the bundle is a third of a small command's CPU time (a P-384 key + CSR:
 * about 120 ms without the cache, 85 ms with it, against OpenSSL's 10 ms), and Node 20 has no
 * module.enableCompileCache (that came in Node 22). A cache V8 rejects (another Node version, a rebuilt bundle)
 * is written again after the run; one that cannot be written (a read-only install) is simply not kept.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const engine = join(__dirname, 'cli-engine.js');
const cachePath = join(__dirname, 'cli-engine.cache');

const source = readFileSync(engine, 'utf8');
const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: engine, cachedData });
if (!cachedData || script.cachedDataRejected) process.once('exit', keepCache);
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(engine), module, engine, dirname(engine));

/** After the run, so the functions this command compiled are in the cache too; atomically, as several may race. */
function keepCache(): void {
  const temp = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cachePath);
  } catch {
    rmSync(temp, { force: true });
  }
}
