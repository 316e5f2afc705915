/** The OpenSSL `req` config round trip, the equivalent commands and the built-in templates (issue 12). Owner: openssl-config. */
import type { CsrConfigImportDto, CsrSpecDto, CsrTemplateDto, EquivalentCommandDto, KeySpecName, SelfSignDto } from '../../../api/dto';
import { PkiError } from '../../errors';

/** Reads an `openssl req` config as `openssl req -config` would; INVALID_ARGUMENT naming the line otherwise. */
export function importReqConfig(text: string, name: string): CsrConfigImportDto & { selfSign: Partial<SelfSignDto> | null } {
  void text;
  void name;
  throw new PkiError('INTERNAL', 'Config import is being built.', 'Not available yet.');
}

/** The form as an `openssl req` config (prompt = no, distinguished_name, req_extensions, @alt_names). */
export function exportReqConfig(spec: CsrSpecDto, key: KeySpecName | null, selfSign?: SelfSignDto): string {
  void spec;
  void key;
  void selfSign;
  return '';
}

/** "/C=US/O=Example/CN=host.example" as `openssl req -subj` takes it (with / and \ escaped). */
export function subjectLine(spec: CsrSpecDto): string {
  void spec;
  return '';
}

/** openssl and keytool command lines that make the same key and CSR (or self-signed certificate) on a server. */
export function equivalentCommands(spec: CsrSpecDto, key: KeySpecName | null, options: { baseName: string; selfSign?: SelfSignDto }): EquivalentCommandDto[] {
  void spec;
  void key;
  void options;
  return [];
}

export const BUILT_IN_TEMPLATES: readonly CsrTemplateDto[] = [];
