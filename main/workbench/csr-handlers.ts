/** The csr.* api methods (issue 12). Owner: csr-workbench. */
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';

type CsrMethods = Pick<MethodHandlers, 'csr.templates' | 'csr.saveTemplate' | 'csr.deleteTemplate' | 'csr.check' | 'csr.importConfig' | 'csr.create' | 'csr.save' | 'csr.caReply'>;

const building = async (): Promise<never> => {
  throw new PkiError('INTERNAL', 'New CSR is being built.', 'Not available yet.');
};

export function csrHandlers(): CsrMethods {
  return {
    'csr.templates': building,
    'csr.saveTemplate': building,
    'csr.deleteTemplate': building,
    'csr.check': building,
    'csr.importConfig': building,
    'csr.create': building,
    'csr.save': building,
    'csr.caReply': building,
  };
}
