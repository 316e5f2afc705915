/** The go-verify suite (../shared/corpus/real-world/go-verify-zcrypto). STUB (owner: chain-validator). */
import { emptyResult, type Suite } from './suite';

export const goVerifySuite: Suite = {
  name: 'go-verify',
  folder: 'real-world/go-verify-zcrypto',
  async run() {
    return emptyResult('go-verify');
  },
};
