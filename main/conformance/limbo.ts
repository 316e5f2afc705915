/** The limbo suite (../shared/corpus/limbo). STUB (owner: chain-validator). */
import { emptyResult, type Suite } from './suite';

export const limboSuite: Suite = {
  name: 'limbo',
  folder: 'limbo',
  async run() {
    return emptyResult('limbo');
  },
};
