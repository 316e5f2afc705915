/** The pkits suite (../shared/corpus/pkits). STUB (owner: chain-revocation). */
import { emptyResult, type Suite } from './suite';

export const pkitsSuite: Suite = {
  name: 'pkits',
  folder: 'pkits',
  async run() {
    return emptyResult('pkits');
  },
};
