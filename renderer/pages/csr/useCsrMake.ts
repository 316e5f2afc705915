/**
 * Making and saving: csr.create (the key is made in main with progress events; Stop cancels it), then
 * csr.save; an EXISTS answer waits for "Replace …?" (useReplaceableWrite) and saves again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { CsrCreatedDto, ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { useReplaceableWrite } from '../../components/useReplaceableWrite';
import type { CsrRequest } from './form';
import type { SaveRequest } from './save';

export interface MakeModel {
  creating: boolean;
  created: CsrCreatedDto | null;
  /** The request `created` was made from: a form changed after it needs a new Create. */
  createdFrom: string | null;
  createError: ErrorInfo | null;
  create(request: CsrRequest, name: string): Promise<void>;
  saving: boolean;
  written: WrittenFileDto[] | null;
  saveError: ErrorInfo | null;
  exists: { error: ErrorInfo; request: SaveRequest } | null;
  save(request: SaveRequest): Promise<void>;
  replace(): Promise<void>;
  cancelReplace(): void;
  /** Forget what was made (the open document stays in the workbench). */
  reset(): void;
}

export function useCsrMake(): MakeModel {
  const client = useClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CsrCreatedDto | null>(null);
  const [createdFrom, setCreatedFrom] = useState<string | null>(null);
  const [createError, setCreateError] = useState<ErrorInfo | null>(null);
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);

  const write = useReplaceableWrite<SaveRequest>(async (request, overwrite) => {
    setWritten((await client.call('csr.save', overwrite ? { ...request, destination: { ...request.destination, overwrite: true } } : request)).written);
  });
  const { clear } = write;

  const create = useCallback(
    async (request: CsrRequest, name: string) => {
      setCreating(true);
      setCreateError(null);
      try {
        const made = await client.call('csr.create', { ...request, name });
        setCreated(made);
        setCreatedFrom(JSON.stringify(request));
        setWritten(null);
        clear();
      } catch (e) {
        setCreateError(errorInfoOf(e));
      } finally {
        setCreating(false);
      }
    },
    [client, clear],
  );

  const reset = useCallback(() => {
    setCreated(null);
    setCreatedFrom(null);
    setCreateError(null);
    setWritten(null);
    clear();
  }, [clear]);

  return {
    creating,
    created,
    createdFrom,
    createError,
    create,
    saving: write.busy,
    written,
    saveError: write.error,
    exists: write.exists,
    save: (request) => write.run(request, request.destination.overwrite === true),
    replace: write.replace,
    cancelReplace: write.keep,
    reset,
  };
}
