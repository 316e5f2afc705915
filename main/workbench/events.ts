/** Main → renderer events on the named channels of the contract. */
import type { ApiEvent, ApiEvents } from '../api/contract';

export type EventListener = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export class EventHub {
  private listeners = new Set<EventListener>();
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners) l(event, payload);
  }
}
