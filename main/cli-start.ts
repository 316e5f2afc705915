/**
 * Entry of dist/main/cli.js: runs the bundled command line (dist/main/cli-engine.js, built from cli.ts) with V8's
 * code cache kept beside it. Compiling the bundle is a third of a small command's CPU time (a P-384 key + CSR:
 * about 120 ms without the cache, 85 ms with it, against OpenSSL's 10 ms), and Node 20 has no
 * module.enableCompileCache (that came in Node 22). A cache V8 rejects (another Node version, a rebuilt bundle)
 * is written again after the run; one that cannot be written (a read-only install) is simply not kept.
 *
 * The cache holds the functions the run that wrote it compiled. A later command that needs many others (the
 * first run after a build was `--help`, then every keystore conversion compiled 110 KB of bytecode itself)
 * writes it again, now holding both: it grows to what the commands in use need, then stays.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getHeapCodeStatistics, setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** Bytecode compiled during a run beyond which the cache is worth making again (Node's own modules add ~20 KB). */
const COMPILED_WORTH_CACHING = 40 * 1024;
/** ...and written only when it then holds this much more than the one read (not for Node's modules alone). */
const CACHE_GROWTH_WORTH_WRITING = 16 * 1024;

/**
 * A command keeps most of what it reads until it prints, so each scavenge of V8's 1 MB young generation copied
 * nearly everything it found: listing a 500-entry keystore made ten or more of them. Growing the young
 * generation to its maximum (16 MB) at the first growth instead of doubling (the heap is configured before
 * this runs; the growth factor is read at each growth) leaves three. The app's main process is not affected.
 */
setFlagsFromString('--semi-space-growth-factor=16');

const engine = join(__dirname, 'cli-engine.js');
const cachePath = join(__dirname, 'cli-engine.cache');

const source = readFileSync(engine, 'utf8');
const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: engine, cachedData });
const bytecodeAtStart = getHeapCodeStatistics().bytecode_and_metadata_size;
process.once('exit', () => (cachedData && !script.cachedDataRejected ? keepCacheIfGrown() : keepCache(script.createCachedData())));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(engine), module, engine, dirname(engine));

function keepCacheIfGrown(): void {
  if (getHeapCodeStatistics().bytecode_and_metadata_size - bytecodeAtStart < COMPILED_WORTH_CACHING) return;
  const data = script.createCachedData();
  if (data.length >= (cachedData?.length ?? 0) + CACHE_GROWTH_WORTH_WRITING) keepCache(data);
}

/** After the run, so the functions this command compiled are in the cache too; atomically, as several may race. */
function keepCache(data: Buffer): void {
  const temp = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, cachePath);
  } catch {
    rmSync(temp, { force: true });
  }
}
