/**
 * A compliance decision in the agent's words, through i18next: each reason with its names filled in (flag,
 * channel, weekday) and the next allowed moment in the debtor's zone and in the agent's own clock. Pure (takes
 * `t`), tested beside.
 */
import { DateTime } from 'luxon';
import { localTimeWords } from '../../../shared/compliance/messages';

export type T = (key: string, options?: Record<string, unknown>) => string;
export interface ReasonLike {
  code: string;
  params: Record<string, string | number>;
}

function humanize(code: string): string {
  const s = code.replace(/[_.]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function channelList(t: T, list: string | number): string {
  return String(list)
    .split(', ')
    .filter(Boolean)
    .map((c) => t(`compliance.channel.${c}`, { defaultValue: c }))
    .join(', ');
}

/** One reason as a sentence: `compliance.reason.<code>` with the derived names the templates use. */
export function reasonSentence(t: T, reason: ReasonLike, lang: string = 'es'): string {
  const p: Record<string, unknown> = { ...reason.params };
  if (typeof p.localTime === 'string') p.localTime = localTimeWords(p.localTime, lang === 'en' ? 'en' : 'es');
  if (typeof p.weekday === 'number') p.weekdayName = t(`compliance.weekday.${p.weekday}`, { defaultValue: String(p.weekday) });
  if (p.flag !== undefined) p.flagName = t(`compliance.flag.${String(p.flag)}`, { defaultValue: String(p.flag) });
  if (p.channel !== undefined) p.channelName = t(`compliance.channel.${String(p.channel)}`, { defaultValue: String(p.channel) });
  if (p.channels !== undefined) p.channels = channelList(t, p.channels as string);
  if (p.channelsUsed !== undefined) p.channelsUsed = channelList(t, p.channelsUsed as string);
  return t(`compliance.reason.${reason.code}`, { ...p, defaultValue: humanize(reason.code) });
}

/** "hoy 21:30", "mañana 08:00", "jueves 19 mar 08:00" — an instant in a zone, relative to now in that zone. */
export function relativeMoment(t: T, lang: string, iso: string, zone: string, now: Date): string {
  const locale = lang === 'en' ? 'en-US' : 'es';
  const at = DateTime.fromISO(iso, { zone }).setLocale(locale);
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  const time = at.toFormat('HH:mm');
  if (days === 0) return t('compliance.dial.today', { time });
  if (days === 1) return t('compliance.dial.tomorrow', { time });
  const day = at.toFormat(lang === 'en' ? 'cccc, LLL d' : "cccc d 'de' LLL");
  return t('compliance.dial.dayAt', { day, time });
}

/**
 * "Próximo momento permitido: mañana 08:00 (America/New_York) — 07:00 su hora". The agent's side repeats the day
 * only when it differs from the debtor's (08:00 tomorrow there can be 23:00 today here).
 */
export function nextAllowedLine(
  t: T, lang: string, nextAllowedAt: string | null, debtorZone: string, agentZone: string, now: Date,
): string {
  if (nextAllowedAt === null) return t('compliance.dial.nextNever');
  const when = relativeMoment(t, lang, nextAllowedAt, debtorZone, now);
  const theirs = DateTime.fromISO(nextAllowedAt, { zone: debtorZone });
  const mine = DateTime.fromISO(nextAllowedAt, { zone: agentZone });
  if (theirs.offset === mine.offset) return t('compliance.dial.nextAtSameZone', { when, zone: debtorZone });
  const sameDayWord = relativeMoment(t, lang, nextAllowedAt, agentZone, now).replace(mine.toFormat('HH:mm'), '') ===
    when.replace(theirs.toFormat('HH:mm'), '');
  const agentWhen = sameDayWord ? mine.toFormat('HH:mm') : relativeMoment(t, lang, nextAllowedAt, agentZone, now);
  return t('compliance.dial.nextAt', { when, zone: debtorZone, agentWhen });
}
