// The Electronegativity gate (`npm run security`, run by .ci/run): scans app/ and fails on any finding that is not
// in the reviewed allowlist (scripts/electronegativity-allow.json), on any file it could not parse, and on an
// allowlist entry that no longer matches anything (so the list stays short and true).
//   node scripts/electronegativity.mjs [--input DIR] [--allow FILE]
// Electronegativity itself always exits 0, so this script reads its findings and decides. It runs offline:
// the tool fetches translations and Electron's release list over the network; the translation fetch is answered
// locally (its bundled en-US text is used) and the release-list check is left out (the Electron version is pinned
// in package.json and raised by review, not by this gate). Any other network attempt fails the run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Checks that need the network; each is named with why it is left out above. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function blockNetwork() {
  const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const { i18nSource } = JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8'));
  // Every copy of `got` the tool could load (its own nested one, or the hoisted one).
  const gotPaths = new Set(
    [join(toolDir, 'dist', 'locales'), join(toolDir, 'dist', 'finder', 'checks', 'GlobalChecks')].map((from) =>
      require.resolve('got', { paths: [from] }),
    ),
  );
  const offlineGot = async (url) => {
    if (String(url).startsWith(i18nSource)) return { statusCode: 404, body: '' };
    throw new Error(`electronegativity tried to fetch ${url}; this gate runs offline`);
  };
  for (const filename of gotPaths) require.cache[filename] = { id: filename, filename, loaded: true, exports: offlineGot };
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return String(pkg.devDependencies?.electron ?? '').replace(/^[\^~]/, '');
}

/**
 * @typedef {{ check: string, file: string, reason: string }} AllowEntry
 * @typedef {{ check: string, file: string, line: number, column: number, severity: string, confidence: string, sample: string }} Finding
 */

/** Reads and validates the allowlist: each entry names a check, a file (relative to the scanned folder) and why. */
export function loadAllowlist(path) {
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array of { check, file, reason }`);
  return raw.map((e, i) => {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof e?.[key] !== 'string' || e[key].trim() === '') throw new Error(`${path}: entry ${i} has no ${key}`);
    }
    return /** @type {AllowEntry} */ ({ check: e.check, file: e.file, reason: e.reason });
  });
}

/** Runs Electronegativity over `input` and returns its findings with paths relative to `input`. */
export async function scan(input) {
  blockNetwork();
  const run = require('@doyensec/electronegativity');
  const result = await run({
    input: resolve(input),
    isRelative: true,
    electronVersionOverride: electronVersion(),
    excludeFromScan: EXCLUDED_CHECKS,
  });
  /** @type {Finding[]} */
  const findings = result.issues.map((i) => ({
    check: i.id,
    file: String(i.file).split(sep).join('/'),
    line: i.location?.line ?? 0,
    column: i.location?.column ?? 0,
    severity: i.severity?.name ?? '?',
    confidence: i.confidence?.name ?? '?',
    sample: String(i.sample ?? '').split('\n')[0].trim().slice(0, 100),
  }));
  const unparsed = result.errors.filter((e) => !e.tolerable).map((e) => `${relative(resolve(input), e.file)}: ${e.message}`);
  return { findings, unparsed, checks: result.globalChecks + result.atomicChecks };
}

/** Splits findings into allowed and open ones, and names allowlist entries that matched nothing. */
export function judge(findings, allow) {
  const matches = (e, f) => e.check === f.check && e.file === f.file;
  const open = findings.filter((f) => !allow.some((e) => matches(e, f)));
  const stale = allow.filter((e) => !findings.some((f) => matches(e, f)));
  return { open, stale, allowed: findings.length - open.length };
}

async function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const input = arg('--input', join(root, 'app'));
  const allowPath = arg('--allow', join(root, 'scripts', 'electronegativity-allow.json'));
  const allow = loadAllowlist(allowPath);
  const { findings, unparsed, checks } = await scan(input);
  const { open, stale, allowed } = judge(findings, allow);
  const problems = [
    ...open.map((f) => `open finding ${f.check} in ${f.file}:${f.line}:${f.column} (${f.severity}/${f.confidence}) ${f.sample}`),
    ...unparsed.map((u) => `could not scan ${u}`),
    ...stale.map((e) => `allowlist entry ${e.check} for ${e.file} matches no finding: remove it from ${relative(root, allowPath)}`),
  ];
  if (checks === 0) problems.push('electronegativity loaded no checks');
  for (const p of problems) console.error(`electronegativity: ${p}`);
  console.log(
    `electronegativity: ${checks} checks over ${relative(root, resolve(input)) || '.'}: ${findings.length} findings, ` +
      `${allowed} allowlisted, ${open.length} open, ${unparsed.length} unparsed, ${stale.length} stale allowlist entries`,
  );
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`electronegativity: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
