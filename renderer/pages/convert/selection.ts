/**
 * What the user chose to convert from the open documents: whole files, or single objects of a file. A file
 * whose every object is ticked is kept as the whole file.
 */
import type { ConvertSource } from '../../../main/api/dto';

export interface Selection {
  documentIds: readonly string[];
  objectIds: readonly string[];
}

/** The parts of a document the selection looks at. */
export interface SelectableDocument {
  id: string;
  objects: readonly { id: string }[];
}

export const NO_SELECTION: Selection = { documentIds: [], objectIds: [] };

export function fromSource(source: ConvertSource): Selection {
  return { documentIds: [...new Set(source.documentIds ?? [])], objectIds: [...new Set(source.objectIds ?? [])] };
}

export function toSource(sel: Selection): ConvertSource {
  return { ...(sel.documentIds.length ? { documentIds: [...sel.documentIds] } : {}), ...(sel.objectIds.length ? { objectIds: [...sel.objectIds] } : {}) };
}

export const isEmpty = (sel: Selection) => sel.documentIds.length === 0 && sel.objectIds.length === 0;

const ownedBy = (doc: SelectableDocument) => {
  const ids = new Set(doc.objects.map((o) => o.id));
  return (id: string) => ids.has(id);
};

export function documentState(sel: Selection, doc: SelectableDocument): 'all' | 'some' | 'none' {
  if (sel.documentIds.includes(doc.id)) return 'all';
  return sel.objectIds.some(ownedBy(doc)) ? 'some' : 'none';
}

export function objectChosen(sel: Selection, doc: SelectableDocument, objectId: string): boolean {
  return sel.documentIds.includes(doc.id) || sel.objectIds.includes(objectId);
}

/** Ticks a whole file (dropping its single objects), or unticks it. */
export function toggleDocument(sel: Selection, doc: SelectableDocument): Selection {
  const mine = ownedBy(doc);
  const objectIds = sel.objectIds.filter((id) => !mine(id));
  if (documentState(sel, doc) !== 'none') return { documentIds: sel.documentIds.filter((id) => id !== doc.id), objectIds };
  return { documentIds: [...sel.documentIds, doc.id], objectIds };
}

/** Ticks or unticks one object; a whole file becomes its other objects, and all of them the whole file. */
export function toggleObject(sel: Selection, doc: SelectableDocument, objectId: string): Selection {
  const mine = ownedBy(doc);
  const wasWhole = sel.documentIds.includes(doc.id);
  const chosen = new Set(wasWhole ? doc.objects.map((o) => o.id) : sel.objectIds.filter(mine));
  if (!chosen.delete(objectId)) chosen.add(objectId);
  const others = { documentIds: sel.documentIds.filter((id) => id !== doc.id), objectIds: sel.objectIds.filter((id) => !mine(id)) };
  if (chosen.size === doc.objects.length && chosen.size > 0) return { ...others, documentIds: [...others.documentIds, doc.id] };
  return { ...others, objectIds: [...others.objectIds, ...doc.objects.map((o) => o.id).filter((id) => chosen.has(id))] };
}

/** Adds whole files (newly opened ones). */
export function withDocuments(sel: Selection, documentIds: readonly string[]): Selection {
  return { ...sel, documentIds: [...new Set([...sel.documentIds, ...documentIds])] };
}

/** Drops what is no longer open. */
export function prune(sel: Selection, docs: readonly SelectableDocument[]): Selection {
  const open = new Set(docs.map((d) => d.id));
  const objects = new Set(docs.flatMap((d) => d.objects.map((o) => o.id)));
  const documentIds = sel.documentIds.filter((id) => open.has(id));
  const objectIds = sel.objectIds.filter((id) => objects.has(id));
  return documentIds.length === sel.documentIds.length && objectIds.length === sel.objectIds.length ? sel : { documentIds, objectIds };
}
