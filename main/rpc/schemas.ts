/** Request schemas: the dispatcher validates every request against these before any handler runs. */
import { z } from 'zod';
import type { ApiMethod } from '../api/contract';

const empty = z.object({}).strict();
const id = z.string().min(1).max(200);
/** 64 MiB of base64: anything larger is refused before it is decoded. */
const MAX_BASE64 = Math.ceil((64 * 1024 * 1024 * 4) / 3);

export const REQUEST_SCHEMAS: { [M in ApiMethod]: z.ZodType } = {
  'app.info': empty,
  'documents.list': empty,
  'documents.openPaths': z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500), password: z.string().max(1024).optional() }).strict(),
  'documents.openData': z.object({ name: z.string().min(1).max(1024), dataBase64: z.string().max(MAX_BASE64) }).strict(),
  'documents.openText': z.object({ name: z.string().min(1).max(1024), text: z.string().max(64 * 1024 * 1024) }).strict(),
  'documents.unlock': z.object({ documentId: id, password: z.string().max(1024) }).strict(),
  'documents.close': z.object({ documentId: id }).strict(),
  'documents.closeAll': empty,
  'objects.details': z.object({ objectId: id }).strict(),
  'operations.cancel': z.object({ operationId: id }).strict(),
};
