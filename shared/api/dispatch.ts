import { ApiError, invalidInput, toErrorData } from './errors';
import { specFor, type ContractShape, type InputOf, type OutputOf } from './define';
import type { Envelope } from './envelope';

/** The main side's implementation of a contract: one async function per method. */
export type Handlers<C extends ContractShape> = {
  [N in keyof C]: { [M in keyof C[N]]: (input: OutputOfInput<C[N][M]>) => Promise<InputOfOutput<C[N][M]>> };
};
// A handler receives the parsed input (zod output type) and may return anything the output schema accepts.
type OutputOfInput<M> = M extends { input: infer I } ? (I extends import('zod').ZodType ? import('zod').output<I> : never) : never;
type InputOfOutput<M> = M extends { output: infer O } ? (O extends import('zod').ZodType ? import('zod').input<O> : never) : never;

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope>;

export interface DispatchOptions {
  /** Called for every failure that is not the caller's fault (internal errors), for the log. */
  onInternalError?: (channel: string, err: unknown) => void;
}

/**
 * The one place every call from either shell goes through: unknown channel → `unknown_method`; input checked
 * against the contract (field-level errors); handler errors turned into data; output checked too, so a
 * handler can never send the renderer something the contract does not promise.
 */
export function createDispatcher<C extends ContractShape>(
  contract: C,
  handlers: Handlers<C>,
  options: DispatchOptions = {},
): Dispatch {
  return async (channel, rawInput) => {
    const spec = specFor(contract, channel);
    if (!spec) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `unknown method ${channel}`, key: 'errors.unknownMethod', params: { channel } },
      };
    }
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, channel).toData() };
    const [ns, m] = [channel.slice(0, channel.indexOf('.')), channel.slice(channel.indexOf('.') + 1)];
    const fn = (handlers as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]?.[m];
    if (!fn) {
      return { ok: false, error: { code: 'unknown_method', message: `no handler for ${channel}`, key: 'errors.unknownMethod', params: { channel } } };
    }
    try {
      const value = await fn(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        const err = new ApiError({ code: 'internal', message: `${channel} returned data outside the contract: ${out.error.message}`, key: 'errors.internal' });
        options.onInternalError?.(channel, err);
        return { ok: false, error: err.toData() };
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'internal') options.onInternalError?.(channel, err);
      return { ok: false, error: toErrorData(err) };
    }
  };
}

export type { InputOf, OutputOf };
