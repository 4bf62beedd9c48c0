import type { z } from 'zod';
import { events as eventSchemas, type Events } from '../../shared/api/events';

export type EventName = keyof Events & string;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/**
 * Main → renderer pushes, typed by shared/api/events. Both shells subscribe and forward (webContents.send /
 * the browser host's WebSocket). Payloads are checked against the contract before they leave.
 */
export interface DeskEvents {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
  /** Every event, for a shell that forwards them all. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
}

export function createDeskEvents(onListenerError: (err: unknown) => void = () => {}): DeskEvents {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const any = new Set<(e: EventName, p: unknown) => void>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    onAny(listener) {
      any.add(listener);
      return () => void any.delete(listener);
    },
    emit(event, payload) {
      const checked = eventSchemas[event].parse(payload);
      for (const l of [...(listeners.get(event) ?? [])]) {
        try { l(checked); } catch (err) { onListenerError(err); }
      }
      for (const l of [...any]) {
        try { l(event, checked); } catch (err) { onListenerError(err); }
      }
    },
  };
}
