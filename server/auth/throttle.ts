/**
 * Login throttling: after `maxFailures` wrong passwords for one username from one address within `windowMs`,
 * further attempts are refused until the window passes — a brute-force guard that never locks the account
 * out for its owner at another desk. In memory, per instance (several instances multiply the budget, which
 * stays far below what guessing needs).
 */
export interface LoginThrottle {
  /** Milliseconds until this key may try again; 0 when allowed. */
  retryAfter(key: string, now?: number): number;
  failed(key: string, now?: number): void;
  succeeded(key: string): void;
}

export function createLoginThrottle(opts: { maxFailures?: number; windowMs?: number; maxKeys?: number } = {}): LoginThrottle {
  const maxFailures = opts.maxFailures ?? 10;
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const maxKeys = opts.maxKeys ?? 50_000;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };

  return {
    retryAfter(key, now = Date.now()) {
      const list = recent(key, now);
      if (list.length < maxFailures) return 0;
      return windowMs - (now - list[list.length - maxFailures]!);
    },
    failed(key, now = Date.now()) {
      if (failures.size >= maxKeys && !failures.has(key)) {
        // Bounded memory: drop the oldest key (Map keeps insertion order).
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(key, [...recent(key, now), now]);
    },
    succeeded(key) {
      failures.delete(key);
    },
  };
}
