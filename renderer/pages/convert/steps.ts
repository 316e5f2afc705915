/** The wizard's steps, titled in the user's words, and which of them a conversion needs. */
import type { PageIntent } from '../../frame/navigation';

export type StepId = 'source' | 'target' | 'protect' | 'where' | 'review';

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'source', title: 'What do you have?' },
  { id: 'target', title: 'Who needs it?' },
  { id: 'protect', title: 'Protect it' },
  { id: 'where', title: 'Where to save' },
  { id: 'review', title: 'Review' },
];

/** The steps shown: "Protect it" only when the target has something to protect or choose. */
export function visibleSteps(protect: boolean): StepId[] {
  return STEPS.map((s) => s.id).filter((id) => id !== 'protect' || protect);
}

/** A step that no longer applies (the target changed) gives way to the next one that does. */
export function effectiveStep(step: StepId, visible: readonly StepId[]): StepId {
  if (visible.includes(step)) return step;
  const order = STEPS.map((s) => s.id);
  return order.slice(order.indexOf(step)).find((id) => visible.includes(id)) ?? visible.at(-1)!;
}

export function nextStep(step: StepId, visible: readonly StepId[]): StepId | null {
  const at = visible.indexOf(step);
  return at >= 0 && at < visible.length - 1 ? visible[at + 1]! : null;
}

export function previousStep(step: StepId, visible: readonly StepId[]): StepId | null {
  const at = visible.indexOf(step);
  return at > 0 ? visible[at - 1]! : null;
}

/** Where an intent from the Inspector starts: past what it already says (the input, the target). */
export function startStep(intent: Extract<PageIntent, { page: 'convert' }>): StepId {
  const hasSource = (intent.source.documentIds?.length ?? 0) + (intent.source.objectIds?.length ?? 0) > 0;
  if (!hasSource) return 'source';
  return intent.target ? 'protect' : 'target';
}
