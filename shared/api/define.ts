import type { z } from 'zod';

/** One request/response pair of the renderer ↔ main contract. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

/** Methods grouped by namespace: `{ queue: { list: method(...) } }` → channel `queue.list`. */
export type ContractShape = Record<string, Record<string, MethodSpec>>;
/** Main → renderer pushes: event name → payload schema. */
export type EventsShape = Record<string, z.ZodType>;

export type Channel<C extends ContractShape> = {
  [N in keyof C & string]: `${N}.${keyof C[N] & string}`;
}[keyof C & string];

export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type OutputOf<M extends MethodSpec> = z.output<M['output']>;

/** Every method and its channel, in a stable order: what the preload's allow-list and the tests iterate. */
export function channelsOf(contract: ContractShape): string[] {
  return Object.entries(contract)
    .flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`))
    .sort();
}

export function specFor(contract: ContractShape, channel: string): MethodSpec | undefined {
  const dot = channel.indexOf('.');
  if (dot < 0) return undefined;
  const ns = channel.slice(0, dot);
  const m = channel.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const methods = contract[ns]!;
  return Object.hasOwn(methods, m) ? methods[m] : undefined;
}
