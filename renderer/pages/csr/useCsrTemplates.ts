/** The templates (built-in first, then the user's own) and saving or deleting the user's own. */
import { useCallback, useEffect, useState } from 'react';
import type { CsrSpecDto, CsrTemplateDto, ErrorInfo, KeySpecName } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface TemplatesModel {
  templates: CsrTemplateDto[] | null;
  error: ErrorInfo | null;
  save(name: string, description: string, spec: CsrSpecDto, key: KeySpecName): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export function useCsrTemplates(): TemplatesModel {
  const client = useClient();
  const [templates, setTemplates] = useState<CsrTemplateDto[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    client.call('csr.templates', {}).then(
      (r) => live && setTemplates(r.templates),
      (e: unknown) => live && setError(errorInfoOf(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const save = useCallback(
    async (name: string, description: string, spec: CsrSpecDto, key: KeySpecName) => {
      try {
        const r = await client.call('csr.saveTemplate', { name, ...(description ? { description } : {}), spec, key });
        setTemplates(r.templates);
        setError(null);
        return true;
      } catch (e) {
        setError(errorInfoOf(e));
        return false;
      }
    },
    [client],
  );
  const remove = useCallback(
    async (id: string) => {
      try {
        setTemplates((await client.call('csr.deleteTemplate', { id })).templates);
        setError(null);
      } catch (e) {
        setError(errorInfoOf(e));
      }
    },
    [client],
  );
  return { templates, error, save, remove };
}
