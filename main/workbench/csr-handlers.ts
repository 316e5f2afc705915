/** The csr.* api methods (issue 12): check, create, save, CA reply, templates, config import. */
import type { MethodHandlers } from '../rpc/dispatcher';
import { importReqConfig } from '../pki/x509/openssl-config';
import { caReply } from './csr-ca-reply';
import { checkCsr } from './csr-check';
import { createCsr } from './csr-create';
import { saveCsr } from './csr-save';
import { CsrTemplateStore } from './csr-templates-store';
import type { EventHub } from './events';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';

type CsrMethods = Pick<MethodHandlers, 'csr.templates' | 'csr.saveTemplate' | 'csr.deleteTemplate' | 'csr.check' | 'csr.importConfig' | 'csr.create' | 'csr.save' | 'csr.caReply'>;

export interface CsrContext {
  session: Session;
  folders: OutputFolders;
  /** Written files are granted for reading, so they can be opened to verify. */
  grants: PathGrants;
  events: EventHub;
  /** The app's data folder, where user templates are kept; undefined: built-in templates only. */
  dataDir?: string;
  now?: () => Date;
}

export function csrHandlers(context: CsrContext): CsrMethods {
  const templates = new CsrTemplateStore(context.dataDir);
  return {
    'csr.templates': async () => ({ templates: await templates.list() }),
    'csr.saveTemplate': async (request) => ({ templates: await templates.save(request) }),
    'csr.deleteTemplate': async ({ id }) => ({ templates: await templates.delete(id) }),
    'csr.check': async (request) => checkCsr(context.session, request),
    'csr.importConfig': async ({ name, text }) => {
      const { spec, key, warnings, selfSign } = importReqConfig(text, name);
      return { spec, key, warnings, selfSign };
    },
    'csr.create': async (request) => createCsr(context, request),
    'csr.save': async (request) => saveCsr(context, request),
    'csr.caReply': async (request) => caReply(context.session, request, context.now?.() ?? new Date()),
  };
}
