/**
 * Entry of dist/main/cli.js: runs the bundled command line (dist/main/cli-engine.js, built from cli.ts) with V8's
 * code cache kept beside it. Compiling the bundle is a third of a small command's CPU time (a P-384 key + CSR:
 * about 120 ms without the cache, 85 ms with it, against OpenSSL's 10 ms), and Node 20 has no
 * module.enableCompileCache (that came in Node 22). A cache V8 rejects (another Node version, a rebuilt bundle)
 * is written again after the run; one that cannot be written (a read-only install) is simply not kept.
 *
 * The cache holds the functions the runs that wrote it compiled. A kind of command it has not seen yet (its
 * name and --to target; after a build the first run was `convert --help`, and every keystore conversion then
 * compiled 120 KB of bytecode itself) writes it again, now holding both; the kinds seen are listed beside it.
 * It grows to what the commands in use need, then stays.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/**
 * A command keeps most of what it reads until it prints, so each scavenge of V8's 1 MB young generation copied
 * nearly everything it found: listing a 500-entry keystore made ten or more of them. Growing the young
 * generation to its maximum (16 MB) at the first growth instead of doubling (the heap is configured before
 * this runs; the growth factor is read at each growth) leaves three. The app's main process is not affected.
 */
setFlagsFromString('--semi-space-growth-factor=16');

const engine = join(__dirname, 'cli-engine.js');
const cachePath = join(__dirname, 'cli-engine.cache');
const kindsPath = join(__dirname, 'cli-engine.cache-kinds');

const source = readFileSync(engine, 'utf8');
const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: engine, cachedData });
const kind = commandKind(process.argv.slice(2));
const kinds = cachedData && !script.cachedDataRejected ? kindsSeen() : [];
if (!kinds.includes(kind)) process.once('exit', () => keepCache([...kinds, kind]));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(engine), module, engine, dirname(engine));

/** What decides which functions a run compiles: the command, its target format, and whether it only shows help. */
function commandKind(argv: string[]): string {
  const to = argv.indexOf('--to');
  return [argv[0] ?? '', to >= 0 ? (argv[to + 1] ?? '') : '', argv.includes('--help') ? 'help' : ''].join(' ');
}

function kindsSeen(): string[] {
  try {
    return readFileSync(kindsPath, 'utf8').split('\n');
  } catch {
    return [];
  }
}

/** After the run, so the functions this command compiled are in the cache too; atomically, as several may race. */
function keepCache(kindsNow: string[]): void {
  const temp = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cachePath);
    writeFileSync(temp, kindsNow.join('\n'));
    renameSync(temp, kindsPath);
  } catch {
    rmSync(temp, { force: true });
  }
}
