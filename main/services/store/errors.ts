/**
 * Why the local store refused to open or write. `key` + `params` let the UI say it in es/en; the message is
 * the English fallback for logs.
 */
export type StoreErrorReason =
  | 'wrong_key'
  | 'not_encrypted'
  | 'newer_schema'
  | 'bad_migration_list'
  | 'migration_failed'
  | 'bad_key'
  | 'key_file';

export class StoreError extends Error {
  readonly reason: StoreErrorReason;
  readonly key: string;
  readonly params: Record<string, string | number>;

  constructor(reason: StoreErrorReason, message: string, params: Record<string, string | number> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StoreError';
    this.reason = reason;
    this.key = `errors.store.${reason}`;
    this.params = params;
  }
}
