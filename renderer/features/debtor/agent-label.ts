import type { StaffMember } from '../../../shared/domain/users';

/**
 * Who did something, as the card words it: `you` ("usted" / "you") for the signed-in user's own rows, a colleague's
 * display name when the desk's staff directory knows it, otherwise the id as stored — never blank. Pure: the
 * caller passes the word for "you" in the UI language.
 */
export function agentNamer(
  staff: readonly StaffMember[] | undefined,
  selfId: string | null | undefined,
  you: string,
): (agentId: string) => string {
  const names = new Map((staff ?? []).map((s) => [s.id, s.displayName.trim()]));
  return (agentId) => {
    if (selfId && agentId === selfId) return you;
    return names.get(agentId) || agentId;
  };
}
