/** Long operations main reports on the `progress` channel, newest first, until they are done. */
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../main/api/contract';
import { useClient } from '../../api/context';

export function useProgress(): ProgressEvent[] {
  const client = useClient();
  const [running, setRunning] = useState<Map<string, ProgressEvent>>(new Map());
  useEffect(
    () =>
      client.on('progress', (p) =>
        setRunning((prev) => {
          const next = new Map(prev);
          if (p.done) next.delete(p.operationId);
          else next.set(p.operationId, p);
          return next;
        }),
      ),
    [client],
  );
  return [...running.values()].reverse();
}
