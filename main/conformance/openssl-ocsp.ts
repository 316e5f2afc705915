/** The openssl-ocsp suite (../shared/corpus/pyhanko-certvalidator/openssl-ocsp). STUB (owner: chain-ocsp). */
import { emptyResult, type Suite } from './suite';

export const opensslOcspSuite: Suite = {
  name: 'openssl-ocsp',
  folder: 'pyhanko-certvalidator/openssl-ocsp',
  async run() {
    return emptyResult('openssl-ocsp');
  },
};
