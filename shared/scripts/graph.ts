import type { Script, Step } from './schema';

/** Outgoing edges of a step; `verified` marks the edge taken when right-party verification passes. */
export function edgesOf(step: Step): Array<{ to: string; path: string; verified: boolean }> {
  switch (step.type) {
    case 'say':
    case 'disclosure':
    case 'reason':
    case 'promise':
    case 'callback':
      return [{ to: step.next, path: 'next', verified: false }];
    case 'question':
    case 'offers':
    case 'third_party':
      return step.answers.map((a, i) => ({ to: a.next, path: `answers.${i}.next`, verified: false }));
    case 'verification':
      return [
        { to: step.onPass, path: 'onPass', verified: true },
        { to: step.onFail, path: 'onFail', verified: false },
      ];
    case 'end':
      return [];
  }
}

/** Step ids reachable from `from` (included), optionally not crossing verified edges or some steps. */
export function reachable(script: Script, from: readonly string[], opts: { crossVerified: boolean; blocked?: ReadonlySet<string> }): Set<string> {
  const byId = new Map(script.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = from.filter((id) => byId.has(id) && !opts.blocked?.has(id));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of edgesOf(byId.get(id) as Step)) {
      if (!opts.crossVerified && e.verified) continue;
      if (opts.blocked?.has(e.to) || !byId.has(e.to) || seen.has(e.to)) continue;
      stack.push(e.to);
    }
  }
  return seen;
}

/**
 * Steps where nothing about the debt may be said: reachable from the start, or from any third-party step,
 * without passing right-party verification.
 */
export function restrictedSteps(script: Script): Set<string> {
  const thirdParty = script.steps.filter((s) => s.type === 'third_party').map((s) => s.id);
  return reachable(script, [script.start, ...thirdParty], { crossVerified: false });
}
