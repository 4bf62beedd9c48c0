/**
 * How document ids and account numbers are written into the search index and how a query is matched against
 * them: letters and digits only, lowercase ("1.023.456-7" → "10234567"), so any punctuation the agent types or
 * the creditor's file carries matches.
 */
export function alnum(text: string): string {
  return text.normalize('NFKD').replace(/[^0-9A-Za-z]/g, '').toLowerCase();
}

export function searchDocument(documentId: string): string {
  return alnum(documentId);
}

export function searchAccounts(numbers: readonly string[]): string {
  return numbers.map(alnum).filter((n) => n.length > 0).join(' ');
}
