/**
 * The Issue certificate page's wizard state: the form, the form step shown, and the order being followed (once
 * there is one the page shows its progress or result). An intent ("Show" on a notice) opens an order once.
 */
import { useCallback, useEffect, useState } from 'react';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import { INITIAL_FORM, type AcmeForm } from './form';
import type { StepId } from './steps';

export interface AcmeWizardModel {
  form: AcmeForm;
  change(change: Partial<AcmeForm>): void;
  step: StepId;
  goTo(step: StepId): void;
  orderId: string | null;
  follow(orderId: string | null): void;
  /** A new order from the start; the CA, agreement and email are kept (the same user, the same CA). */
  restart(): void;
}

export function useAcmeWizard(): AcmeWizardModel {
  const [form, setForm] = useState<AcmeForm>(INITIAL_FORM);
  const [step, setStep] = useState<StepId>('ca');
  const [orderId, setOrderId] = useState<string | null>(null);
  const intent = useIntentFor('acme');
  const { consume } = useNavigation();

  useEffect(() => {
    if (!intent) return;
    if (intent.orderId) setOrderId(intent.orderId);
    consume();
  }, [intent, consume]);

  const change = useCallback((c: Partial<AcmeForm>) => setForm((f) => ({ ...f, ...c })), []);
  const restart = useCallback(() => {
    setForm((f) => ({ ...INITIAL_FORM, ca: f.ca, customUrl: f.customUrl, caFile: f.caFile, email: f.email, agreed: f.agreed, eabKid: f.eabKid, eabHmacKey: f.eabHmacKey, dnsServers: f.dnsServers, httpPort: f.httpPort, httpAddress: f.httpAddress }));
    setOrderId(null);
    setStep('names');
  }, []);
  return { form, change, step, goTo: setStep, orderId, follow: setOrderId, restart };
}
