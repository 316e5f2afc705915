/** The Issue certificate wizard's steps, titled in the user's words: four to fill in, two that follow the order. */
import type { AcmeOrderDto, AcmeOrderState } from '../../../main/api/dto';

export type StepId = 'ca' | 'names' | 'key' | 'challenge' | 'progress' | 'result';

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'ca', title: 'Which CA?' },
  { id: 'names', title: 'Which names?' },
  { id: 'key', title: 'Key' },
  { id: 'challenge', title: 'How to prove the names are yours' },
  { id: 'progress', title: 'Progress' },
  { id: 'result', title: 'Result' },
];

/** The steps the user fills in before the order exists. */
export const FORM_STEPS: readonly StepId[] = ['ca', 'names', 'key', 'challenge'];

export const titleOf = (id: StepId) => STEPS.find((s) => s.id === id)!.title;
export const indexOf = (id: StepId) => STEPS.findIndex((s) => s.id === id);

export function nextFormStep(step: StepId): StepId | null {
  const at = FORM_STEPS.indexOf(step);
  return at >= 0 && at < FORM_STEPS.length - 1 ? FORM_STEPS[at + 1]! : null;
}

export function previousFormStep(step: StepId): StepId | null {
  const at = FORM_STEPS.indexOf(step);
  return at > 0 ? FORM_STEPS[at - 1]! : null;
}

/** States after which nothing moves without the user starting something new. */
export const FINISHED: ReadonlySet<AcmeOrderState> = new Set(['issued', 'invalid', 'revoked', 'cancelled']);

/** Where an order is shown: still moving (or stopped by an error that Resume continues) → progress; done → result. */
export function stepOfOrder(order: Pick<AcmeOrderDto, 'state'>): StepId {
  return FINISHED.has(order.state) ? 'result' : 'progress';
}
