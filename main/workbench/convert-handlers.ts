/** The api/ methods of the Convert page: preview a conversion, run it into a chosen folder. */
import type { ConvertRequest, WrittenFileDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import type { MethodHandlers } from '../rpc/dispatcher';
import { produceFiles } from './convert-output';
import { planConversion } from './convert-plan';
import type { EventHub } from './events';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';
import { withProgress } from './operation-progress';
import { writeFilesAtomically } from './write-files';

export interface ConvertContext {
  session: Session;
  folders: OutputFolders;
  /** Written files are granted for reading, so "Open in Inspect to verify" can open them. */
  grants: PathGrants;
  events: EventHub;
}

type ConvertMethods = Pick<MethodHandlers, 'convert.preview' | 'convert.run'>;

export function convertHandlers(context: ConvertContext): ConvertMethods {
  const plan = (request: ConvertRequest) => {
    const objects = context.session.collect(request.source);
    const firstDocument = objects[0] ? context.session.documentFile(objects[0].documentId).name : undefined;
    return planConversion(objects, request.target, request.options, firstDocument);
  };
  return {
    'convert.preview': async (request) => plan(request).preview,
    'convert.run': async (request) => {
      const planned = plan(request);
      const label = `Writing ${planned.files.map((f) => request.destination.names?.[f.role] ?? f.name).join(', ')}`;
      return withProgress(context, label, async ({ onProgress, signal }) => {
        const produced = await produceFiles(planned, { password: request.password, keyPassword: request.keyPassword, profile: request.options?.profile, onProgress, signal });
        if (signal.aborted) throw new PkiError('CANCELLED', 'Writing was cancelled.', 'Nothing was written; convert again when you are ready.');
        const outputs = produced.map((f) => ({ ...f, path: context.folders.pathIn(request.destination.folder, request.destination.names?.[f.role] ?? f.name) }));
        await writeFilesAtomically(outputs, { overwrite: request.destination.overwrite });
        context.grants.grant(outputs.map((f) => f.path));
        const written: WrittenFileDto[] = outputs.map((f) => ({ path: f.path, format: f.format, objects: f.objects, secret: f.secret, encrypted: f.encrypted }));
        return { written };
      });
    },
  };
}
