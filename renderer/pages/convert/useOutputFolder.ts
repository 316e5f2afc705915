/**
 * Where files are written: the web host's one output folder (app.info), or in the desktop app a folder the
 * user picks in the native dialog (main grants it for writes).
 */
import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../../api/context';

export interface OutputFolderModel {
  folder: string | null;
  /** The desktop app can choose; the web host writes only to its folder. */
  canPick: boolean;
  pick(): Promise<void>;
}

export function useOutputFolder(): OutputFolderModel {
  const client = useClient();
  const [folder, setFolder] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('app.info', {}).then(
      (info) => live && info.outputFolder && setFolder((f) => f ?? info.outputFolder),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  const pick = useCallback(async () => {
    if (!client.pickFolder) return;
    const chosen = await client.pickFolder();
    if (chosen) setFolder(chosen);
  }, [client]);
  return { folder, canPick: client.pickFolder !== null, pick };
}
