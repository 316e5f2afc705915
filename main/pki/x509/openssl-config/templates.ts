import type { CsrTemplateDto } from '../../../api/dto';
export const BUILT_IN_TEMPLATES: readonly CsrTemplateDto[] = [];
