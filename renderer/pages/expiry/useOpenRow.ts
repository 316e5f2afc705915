/**
 * Opening a table row: a stored certificate's file in the Inspector (opened, then the certificate with the
 * row's fingerprint selected), an endpoint in the Chain doctor with its host:port, SNI and STARTTLS.
 */
import { useCallback, useMemo } from 'react';
import type { ExpiryRowDto, WatchTargetDto } from '../../../main/api/dto';
import { useNavigation } from '../../frame/navigation';
import { useWorkbench } from '../inspect/useWorkbench';
import { rowDestination } from './targets';

export function useOpenRow(targets: readonly WatchTargetDto[]) {
  const { navigate } = useNavigation();
  const wb = useWorkbench();
  const byId = useMemo(() => new Map(targets.map((t) => [t.id, t])), [targets]);
  const canOpen = useCallback((row: ExpiryRowDto) => rowDestination(row, byId) !== null, [byId]);
  const open = useCallback(
    async (row: ExpiryRowDto) => {
      const to = rowDestination(row, byId);
      if (!to) return;
      if (to.page === 'chain') {
        const ep = to.target.endpoint;
        navigate('chain', { page: 'chain', server: { target: to.target.location, servername: ep?.servername ?? null, starttls: ep?.starttls ?? null } });
        return;
      }
      const state = await wb.run('documents.openPaths', { paths: [to.path] });
      if (!state) return;
      // The file may be open already (an earlier visit): the newest document of that path is the one just read.
      const docs = state.documents.filter((d) => d.path === to.path);
      const objects = docs.flatMap((d) => d.objects);
      const match = [...objects].reverse().find((o) => o.kind === 'certificate' && o.sha256?.toUpperCase() === to.sha256) ?? objects[0];
      if (match) navigate('inspect', { page: 'inspect', objectId: match.id });
      else navigate('inspect');
    },
    [byId, navigate, wb],
  );
  return { open, canOpen, failure: wb.failure, clearFailure: wb.clearFailure };
}
