/** The New CSR wizard's steps, titled in the user's words. */
export type StepId = 'template' | 'subject' | 'names' | 'key' | 'review' | 'save';

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'template', title: 'What is it for?' },
  { id: 'subject', title: 'Who is this certificate for?' },
  { id: 'names', title: 'Which names must it cover?' },
  { id: 'key', title: 'Key' },
  { id: 'review', title: 'Review' },
  { id: 'save', title: 'Save' },
];

export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

export const titleOf = (id: StepId) => STEPS.find((s) => s.id === id)!.title;

export function nextStep(step: StepId): StepId | null {
  const at = STEP_IDS.indexOf(step);
  return at >= 0 && at < STEP_IDS.length - 1 ? STEP_IDS[at + 1]! : null;
}

export function previousStep(step: StepId): StepId | null {
  const at = STEP_IDS.indexOf(step);
  return at > 0 ? STEP_IDS[at - 1]! : null;
}
