/**
 * `npm run conformance`: the big peer suites from ../shared/corpus (NIST PKITS, x509-limbo, Go's verify cases,
 * OpenSSL's OCSP scenarios) through the chain engine. Prints per suite "N passed, N failed, N skipped", every
 * failure with its reason and every skip with the feature it needs. CORPUS_DIR overrides where the corpus is.
 * Exit 1 when a suite falls under its floor (PKITS 95%, limbo 90%), 0 otherwise.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite, SuiteResult } from './conformance/suite';
import { SUITES } from './conformance/suites';

const ROOT = join(__dirname, '..', '..');
const CORPUS = process.env.CORPUS_DIR ?? join(ROOT, '..', 'shared', 'corpus');
/** Share of cases (of those not skipped) that must pass. */
const FLOORS: Record<string, number> = { pkits: 0.95, limbo: 0.9 };
const ONLY = process.env.CONFORMANCE_ONLY;

function print(result: SuiteResult): void {
  console.log(`${result.name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  for (const f of result.failures) console.log(`  FAIL ${f.id}: ${f.reason}`);
  for (const s of result.skips) console.log(`  SKIP ${s.id}: needs ${s.feature}`);
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.log(`The corpus is not at ${CORPUS}: set CORPUS_DIR. Nothing was run.`);
    return 1;
  }
  let code = 0;
  for (const suite of SUITES.filter((s: Suite) => !ONLY || s.name === ONLY)) {
    if (!existsSync(join(CORPUS, suite.folder))) {
      console.log(`${suite.name}: absent (${join(CORPUS, suite.folder)} not found)`);
      continue;
    }
    const result = await suite.run(CORPUS);
    print(result);
    const floor = FLOORS[suite.name];
    const ran = result.passed + result.failed;
    if (floor !== undefined && (ran === 0 || result.passed / ran < floor)) {
      console.log(`  ${suite.name} is under its floor of ${Math.round(floor * 100)}% passing`);
      code = 1;
    }
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
