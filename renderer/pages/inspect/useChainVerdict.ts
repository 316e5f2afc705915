/**
 * The chain doctor's offline verdict (chain.verdicts) for the document in view, asked again whenever the open
 * documents change (a trust file opened beside it can make it valid). Null while asking, for a document without
 * certificates (or a bundle of very many), or when the doctor cannot answer (the file's cheap verdict by names still shows in its header).
 */
import { useEffect, useState } from 'react';
import type { ChainVerdictDto, DocumentDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';

/**
 * Above this many certificates a file is a bundle, not a chain: the doctor's verdict on it says little and took
 * about 6 s of main-process time for 10,000 certificates, so it is not asked for (Check chain… still opens it).
 */
export const VERDICT_MAX_CERTIFICATES = 100;

/** Whether the Inspector asks the doctor about this file: a ready file with a few certificates, not a big bundle. */
export function chainVerdictWanted(doc: Pick<DocumentDto, 'status' | 'objects'> | undefined): boolean {
  if (!doc || doc.status !== 'ready') return false;
  const certificates = doc.objects.filter((o) => o.kind === 'certificate').length;
  return certificates > 0 && certificates <= VERDICT_MAX_CERTIFICATES;
}

export function useChainVerdict(documentId: string | null, documents: readonly DocumentDto[]): ChainVerdictDto | null {
  const client = useClient();
  const [verdict, setVerdict] = useState<ChainVerdictDto | null>(null);
  const doc = documentId ? documents.find((d) => d.id === documentId) : undefined;
  const hasCertificates = chainVerdictWanted(doc);
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
