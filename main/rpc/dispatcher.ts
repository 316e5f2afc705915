/**
 * One dispatcher for every transport (Electron IPC, loopback HTTP, tests): method allowlist, schema
 * validation of every request, and errors as {code, message, hint} data, never thrown across.
 */
import type { ApiMethod, ApiRequest, ApiResponse, Envelope } from '../api/contract';
import { API_METHODS } from '../api/contract';
import { toErrorInfo } from '../pki/errors';
import { REQUEST_SCHEMAS } from './schemas';

export type MethodHandlers = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

export interface Dispatcher {
  dispatch(method: unknown, request: unknown): Promise<Envelope<unknown>>;
}

const ALLOWED = new Set<string>(API_METHODS);

export function createDispatcher(handlers: MethodHandlers): Dispatcher {
  return {
    async dispatch(method, request) {
      if (typeof method !== 'string' || !ALLOWED.has(method)) {
        return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.`, hint: 'The app and its main process are out of step; restart Certbench.' } };
      }
      const m = method as ApiMethod;
      const parsed = REQUEST_SCHEMAS[m].safeParse(request ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : 'request';
        return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Invalid request for ${m}: ${where}: ${issue?.message ?? 'malformed'}.`, hint: 'Check the values sent with this request.' } };
      }
      try {
        const handler = handlers[m] as (r: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (e) {
        return { ok: false, error: toErrorInfo(e) };
      }
    },
  };
}
