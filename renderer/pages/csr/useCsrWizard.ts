/**
 * The New CSR page's state: the form, the step shown, whether the CA-reply view is up, and importing a config
 * file. An intent from another page (the Inspector's "Make a CSR for this key") fills it in once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CsrTemplateDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import { EMPTY_FORM, formFromImport, formFromTemplate, type CsrForm } from './form';
import type { StepId } from './steps';

export interface ImportState {
  importing: boolean;
  warnings: string[];
  error: ErrorInfo | null;
}

const NO_IMPORT: ImportState = { importing: false, warnings: [], error: null };

export interface CsrWizardModel {
  form: CsrForm;
  change(change: Partial<CsrForm>): void;
  chooseTemplate(t: CsrTemplateDto): void;
  importConfig(file: File): Promise<void>;
  imported: ImportState;
  step: StepId;
  goTo(step: StepId): void;
  replyMode: boolean;
  setReplyMode(on: boolean): void;
  reset(): void;
}

export function useCsrWizard(): CsrWizardModel {
  const client = useClient();
  const [form, setForm] = useState<CsrForm>(EMPTY_FORM);
  const [step, setStep] = useState<StepId>('template');
  const [replyMode, setReplyMode] = useState(false);
  const [imported, setImported] = useState<ImportState>(NO_IMPORT);

  const intent = useIntentFor('csr');
  const { consume } = useNavigation();
  useEffect(() => {
    if (!intent) return;
    if (intent.keyObjectId) {
      const objectId = intent.keyObjectId;
      setForm((f) => ({ ...f, key: { objectId } }));
      setStep('template');
      setReplyMode(false);
    }
    consume();
  }, [intent, consume]);

  const change = useCallback((c: Partial<CsrForm>) => setForm((f) => ({ ...f, ...c })), []);
  const chooseTemplate = useCallback((t: CsrTemplateDto) => {
    setForm((f) => formFromTemplate(t, f));
    setImported(NO_IMPORT);
  }, []);

  const importConfig = useCallback(
    async (file: File) => {
      setImported({ importing: true, warnings: [], error: null });
      try {
        const text = await file.text();
        const answer = await client.call('csr.importConfig', { name: file.name, text });
        setForm((f) => formFromImport(answer, file.name, f));
        setImported({ importing: false, warnings: answer.warnings, error: null });
        setReplyMode(false);
        setStep('template');
      } catch (e) {
        setImported({ importing: false, warnings: [], error: errorInfoOf(e) });
      }
    },
    [client],
  );

  const reset = useCallback(() => {
    setForm(EMPTY_FORM);
    setStep('template');
    setImported(NO_IMPORT);
    setReplyMode(false);
  }, []);

  return { form, change, chooseTemplate, importConfig, imported, step, goTo: setStep, replyMode, setReplyMode, reset };
}
