/**
 * The preview shows every single-payment offer and, per frequency, only the shortest and the longest
 * installment plans (the whole range is there during the call). Pure.
 */
export interface OfferLike {
  id: string;
  kind: string;
  frequency?: string | undefined;
  installmentCount: number;
}

export function pickForPreview<T extends OfferLike>(offers: readonly T[]): { shown: T[]; hidden: number } {
  const plans = new Map<string, T[]>();
  const shown: T[] = [];
  for (const o of offers) {
    if (o.kind !== 'installments') {
      shown.push(o);
      continue;
    }
    const key = o.frequency ?? '';
    plans.set(key, [...(plans.get(key) ?? []), o]);
  }
  for (const group of plans.values()) {
    const sorted = [...group].sort((a, b) => a.installmentCount - b.installmentCount);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    shown.push(first);
    if (last !== first) shown.push(last);
  }
  const keep = new Set(shown.map((o) => o.id));
  // Keep the policy's own order.
  return { shown: offers.filter((o) => keep.has(o.id)), hidden: offers.length - keep.size };
}
