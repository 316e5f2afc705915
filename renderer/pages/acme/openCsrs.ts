/** The CSRs open in the workbench, for "a CSR I already have". */
import type { DocumentDto } from '../../../main/api/dto';

export interface OpenCsr {
  objectId: string;
  label: string;
  documentName: string;
  san: string[];
}

export function openCsrs(documents: readonly DocumentDto[]): OpenCsr[] {
  return documents.flatMap((d) => d.objects.filter((o) => o.kind === 'csr' && !o.duplicateOf).map((o) => ({ objectId: o.id, label: o.label, documentName: d.name, san: o.san })));
}
