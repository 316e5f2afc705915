/** The full object (extensions, PEM, fingerprints) of the selected row, for the detail pane. */
import { useMemo } from 'react';
import type { DocumentDto, ObjectDto } from '../../../main/api/dto';

export function useObjectDetails(objectId: string | null, documents: DocumentDto[]): ObjectDto | null {
  return useMemo(() => {
    if (!objectId) return null;
    const docId = objectId.slice(0, objectId.lastIndexOf('/'));
    return documents.find((d) => d.id === docId)?.objects.find((o) => o.id === objectId) ?? null;
  }, [objectId, documents]);
}
