/**
 * The CA side of the form: the known CAs (acme.cas) and the directory read when the user asks to connect.
 * Nothing is fetched from a CA until then, so opening the page never contacts Let's Encrypt by itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AcmeCaDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { directoryKey, type DirectoryRead } from './form';

export interface AcmeCaModel {
  cas: AcmeCaDto[];
  casError: ErrorInfo | null;
  read: DirectoryRead | null;
  reading: boolean;
  /** Why the last read failed (NETWORK for an unreachable CA), with the key it was for. */
  readError: { key: string; error: ErrorInfo } | null;
  connect(directoryUrl: string, caFile: string): Promise<void>;
}

export function useAcmeCa(): AcmeCaModel {
  const client = useClient();
  const [cas, setCas] = useState<AcmeCaDto[]>([]);
  const [casError, setCasError] = useState<ErrorInfo | null>(null);
  const [read, setRead] = useState<DirectoryRead | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<AcmeCaModel['readError']>(null);

  useEffect(() => {
    let live = true;
    client.call('acme.cas', {}).then(
      (answer) => live && setCas(answer.cas),
      (e: unknown) => live && setCasError(errorInfoOf(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const connect = useCallback(
    async (directoryUrl: string, caFile: string) => {
      const key = directoryKey(directoryUrl, caFile);
      setReading(true);
      setReadError(null);
      try {
        const directory = await client.call('acme.directory', { directoryUrl, ...(caFile.trim() ? { caFile: caFile.trim() } : {}) });
        setRead({ key, directory });
      } catch (e) {
        setReadError({ key, error: errorInfoOf(e) });
      } finally {
        setReading(false);
      }
    },
    [client],
  );

  return { cas, casError, read, reading, readError, connect };
}
