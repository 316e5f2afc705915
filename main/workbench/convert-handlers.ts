/** The api/ methods of the Convert page: preview a conversion, run it into a chosen folder. */
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';
import type { EventHub } from './events';
import type { OutputFolders } from './output-folders';
import type { Session } from './session';

export interface ConvertContext {
  session: Session;
  folders: OutputFolders;
  events: EventHub;
}

type ConvertMethods = Pick<MethodHandlers, 'convert.preview' | 'convert.run'>;

export function convertHandlers(_context: ConvertContext): ConvertMethods {
  const notYet = async (): Promise<never> => {
    throw new PkiError('INTERNAL', 'Converting is being built.', 'Try again after the next update.');
  };
  return { 'convert.preview': notYet, 'convert.run': notYet };
}
