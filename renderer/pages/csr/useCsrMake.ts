/**
 * Making and saving: csr.create (the key is made in main with progress events; Stop cancels it), then
 * csr.save; EXISTS is kept apart so the page can ask "Replace …?" and save again with overwrite.
 */
import { useCallback, useState } from 'react';
import type { CsrCreatedDto, ErrorInfo, WrittenFileDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
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
  const [saving, setSaving] = useState(false);
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState<MakeModel['exists']>(null);

  const create = useCallback(
    async (request: CsrRequest, name: string) => {
      setCreating(true);
      setCreateError(null);
      try {
        const made = await client.call('csr.create', { ...request, name });
        setCreated(made);
        setCreatedFrom(JSON.stringify(request));
        setWritten(null);
        setSaveError(null);
      } catch (e) {
        setCreateError(errorInfoOf(e));
      } finally {
        setCreating(false);
      }
    },
    [client],
  );

  const save = useCallback(
    async (request: SaveRequest) => {
      setSaving(true);
      setSaveError(null);
      setExists(null);
      try {
        setWritten((await client.call('csr.save', request)).written);
      } catch (e) {
        const info = errorInfoOf(e);
        if (info.code === 'EXISTS' && !request.destination.overwrite) setExists({ error: info, request });
        else setSaveError(info);
      } finally {
        setSaving(false);
      }
    },
    [client],
  );

  const replace = useCallback(async () => {
    if (!exists) return;
    await save({ ...exists.request, destination: { ...exists.request.destination, overwrite: true } });
  }, [exists, save]);

  const reset = useCallback(() => {
    setCreated(null);
    setCreatedFrom(null);
    setCreateError(null);
    setWritten(null);
    setSaveError(null);
    setExists(null);
  }, []);

  return { creating, created, createdFrom, createError, create, saving, written, saveError, exists, save, replace, cancelReplace: useCallback(() => setExists(null), []), reset };
}
