import type { CsrSpecDto, EquivalentCommandDto, KeySpecName, SelfSignDto } from '../../../api/dto';
export function equivalentCommands(spec: CsrSpecDto, key: KeySpecName | null, options: { baseName: string; selfSign?: SelfSignDto }): EquivalentCommandDto[] {
  void spec; void key; void options;
  return [];
}
