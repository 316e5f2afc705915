import { goVerifySuite } from './go-verify';
import { limboSuite } from './limbo';
import { opensslOcspSuite } from './openssl-ocsp';
import { pkitsSuite } from './pkits';
import type { Suite } from './suite';

export const SUITES: readonly Suite[] = [pkitsSuite, limboSuite, goVerifySuite, opensslOcspSuite];
