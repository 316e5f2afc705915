/**
 * The chain doctor's offline verdict (chain.verdicts) for the document in view, asked again whenever the open
 * documents change (a trust file opened beside it can make it valid). Null while asking, for a document without
 * certificates, or when the doctor cannot answer (the file's cheap verdict by names still shows in its header).
 */
import { useEffect, useState } from 'react';
import type { ChainVerdictDto, DocumentDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';

export function useChainVerdict(documentId: string | null, documents: readonly DocumentDto[]): ChainVerdictDto | null {
  const client = useClient();
  const [verdict, setVerdict] = useState<ChainVerdictDto | null>(null);
  const doc = documentId ? documents.find((d) => d.id === documentId) : undefined;
  const hasCertificates = doc?.status === 'ready' && doc.objects.some((o) => o.kind === 'certificate');
  useEffect(() => {
    let live = true;
    setVerdict((v) => (v?.documentId === documentId ? v : null));
    if (!documentId || !hasCertificates) return;
    client.call('chain.verdicts', { documentIds: [documentId] }).then(
      (r) => live && setVerdict(r.verdicts.find((v) => v.documentId === documentId) ?? null),
      () => live && setVerdict(null),
    );
    return () => {
      live = false;
    };
  }, [client, documentId, hasCertificates, documents]);
  return hasCertificates && verdict?.documentId === documentId ? verdict : null;
}
