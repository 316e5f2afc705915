/**
 * Slow writes (JCEKS key protection runs hundreds of thousands of rounds per key) announced as a
 * progress operation the renderer can show and stop (operations.cancel).
 */
import type { WriteProgress } from '../pki/formats/keystore-model';
import type { EventHub } from './events';
import type { Session } from './session';

export interface ProgressContext {
  session: Session;
  events: EventHub;
}

/** fraction null: the step's length is unknown (a network step), the phase still says what is happening. */
export type Progress = Required<Pick<WriteProgress, 'signal'>> & { onProgress: (fraction: number | null, phase: string) => void };

export async function withProgress<T>(ctx: ProgressContext, label: string, work: (progress: Progress) => Promise<T>): Promise<T> {
  const { operationId, signal, end } = ctx.session.startOperation();
  const emit = (fraction: number | null, phase: string | null, done: boolean) =>
    ctx.events.emit('progress', { operationId, label: phase ? `${label}: ${phase}` : label, fraction, done });
  // Announced at once, so the renderer can offer to stop it before the first step reports.
  emit(null, null, false);
  try {
    return await work({ signal, onProgress: (fraction, phase) => emit(fraction, phase, false) });
  } finally {
    end();
    emit(1, null, true);
  }
}
