/**
 * Which calls should pop a card: inbound calls not seen before (by call id). Outbound calls are dialed from a
 * card already. Pure, so the rule is tested without a phone.
 */
export interface CallLike {
  id: string;
  direction: 'incoming' | 'outgoing';
  remote: string;
}

export function newInboundCalls(calls: readonly CallLike[], seen: Set<string>): CallLike[] {
  const fresh: CallLike[] = [];
  for (const c of calls) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (c.direction === 'incoming' && c.remote.trim()) fresh.push(c);
  }
  return fresh;
}
