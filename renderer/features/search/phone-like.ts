/** True when what the agent typed reads as a phone number in any format ("+57 (311) 904-9511", "3119049511"). */
export function looksLikePhone(query: string): boolean {
  const q = query.trim();
  if (!/^[+\d\s().\-/]+$/.test(q)) return false;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15;
}
