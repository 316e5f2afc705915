/**
 * "Open in Inspector" and "Export as PFX / keystore": acme.open puts the issued certificate, its chain and key
 * in the workbench (the key stays in main), then the Inspector shows the certificate or Convert starts from it.
 */
import { useCallback, useState } from 'react';
import type { ConvertTarget, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { useNavigation } from '../../frame/navigation';
import type { WorkbenchModel } from '../inspect/useWorkbench';

export interface OrderOpenModel {
  opening: boolean;
  error: ErrorInfo | null;
  inspect(orderId: string): Promise<void>;
  convert(orderId: string, target?: ConvertTarget): Promise<void>;
}

export function useOrderOpen(wb: WorkbenchModel): OrderOpenModel {
  const client = useClient();
  const { navigate } = useNavigation();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const { run } = wb;

  const open = useCallback(
    async (orderId: string) => {
      setOpening(true);
      setError(null);
      try {
        const opened = await client.call('acme.open', { orderId });
        // Every page shares the workbench's documents: list them so the Inspector and Convert see the new one.
        await run('documents.list', {});
        return opened;
      } catch (e) {
        setError(errorInfoOf(e));
        return null;
      } finally {
        setOpening(false);
      }
    },
    [client, run],
  );

  const inspect = useCallback(
    async (orderId: string) => {
      const opened = await open(orderId);
      if (!opened) return;
      const doc = opened.state.documents.find((d) => d.id === opened.documentId);
      const leaf = doc?.objects.find((o) => o.kind === 'certificate') ?? doc?.objects[0];
      if (leaf) navigate('inspect', { page: 'inspect', objectId: leaf.id });
      else navigate('inspect');
    },
    [open, navigate],
  );

  const convert = useCallback(
    async (orderId: string, target?: ConvertTarget) => {
      const opened = await open(orderId);
      if (opened) navigate('convert', { page: 'convert', source: { documentIds: [opened.documentId] }, ...(target ? { target } : {}) });
    },
    [open, navigate],
  );

  return { opening, error, inspect, convert };
}
