/**
 * Figures the research could not confirm (marked "?" in the team's compliance notes) are settings, with the
 * default below; docs/compliance.md lists each with its source and why it is uncertain. An admin may change
 * them (they are interpretations, not a creditor's wish), and every change should be audited.
 */
import { z } from 'zod';
import { Channel, WeekWindows, type WeekWindows as WeekWindowsT } from './rules-schema';

const cabaWeek: WeekWindowsT = {
  mon: [{ from: '08:00', to: '20:00' }],
  tue: [{ from: '08:00', to: '20:00' }],
  wed: [{ from: '08:00', to: '20:00' }],
  thu: [{ from: '08:00', to: '20:00' }],
  fri: [{ from: '08:00', to: '20:00' }],
  sat: [{ from: '08:00', to: '12:00' }],
  sun: [],
};
const chileWeek: WeekWindowsT = {
  mon: [{ from: '08:00', to: '20:00' }],
  tue: [{ from: '08:00', to: '20:00' }],
  wed: [{ from: '08:00', to: '20:00' }],
  thu: [{ from: '08:00', to: '20:00' }],
  fri: [{ from: '08:00', to: '20:00' }],
  sat: [{ from: '08:00', to: '20:00' }],
  sun: [],
};

export const ComplianceSettings = z
  .object({
    us: z
      .object({
        /** Reg F 1006.14(b)(3) exclusions other than prior consent (e.g. calls that don't connect) were not checked: count every placed call. */
        countUnconnectedCalls: z.boolean().default(true),
      })
      .strict()
      .default({ countUnconnectedCalls: true }),
    co: z
      .object({
        /** Ley 2300 sets no explicit weekly count; El Tiempo reported "max 2 a week". null = no weekly count. */
        weeklyContactMax: z.number().int().min(1).max(14).nullable().default(2),
        /** SFC opinion 2023111476 reportedly counts a placed call or sent message even without interaction. */
        countUnansweredAttempts: z.boolean().default(true),
      })
      .strict()
      .default({ weeklyContactMax: 2, countUnansweredAttempts: true }),
    cl: z
      .object({
        /** Días/horas hábiles per art. 59 CPC as SERNAC describes them; the post-Ley 21.320 wording was not seen. */
        week: WeekWindows.default(chileWeek),
        /** The hours are stated for calls and visits; applying them to SMS/email/WhatsApp too is our reading. */
        hoursChannels: z.array(Channel).min(1).default(['call', 'sms', 'email', 'whatsapp', 'visit']),
        /** SERNAC: at most 3 effective contacts a week (secondary source). null = no such cap. */
        weeklyEffectiveContactMax: z.number().int().min(1).max(14).nullable().default(3),
        /** Banco Falabella reads a call as counting only if answered; we count every placed call by default. */
        countUnansweredCalls: z.boolean().default(true),
      })
      .strict()
      .default({
        week: chileWeek,
        hoursChannels: ['call', 'sms', 'email', 'whatsapp', 'visit'],
        weeklyEffectiveContactMax: 3,
        countUnansweredCalls: true,
      }),
    mx: z
      .object({
        /** CONDUSEF 2014 states hours only; some press say Mon–Fri or días hábiles. Allowed weekdays, 1=Mon…7=Sun. */
        allowedWeekdays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6, 7]),
        /** Whether public holidays are barred (not stated in the 2014 sources). */
        noContactOnHolidays: z.boolean().default(false),
        /** No numeric cap found. null = none; a number = contacts a day per debtor. */
        dailyContactMax: z.number().int().min(1).max(20).nullable().default(null),
      })
      .strict()
      .default({ allowedWeekdays: [1, 2, 3, 4, 5, 6, 7], noContactOnHolidays: false, dailyContactMax: null }),
    pe: z
      .object({
        /** Art. 62.b names visits and calls only; applying its hours and days to SMS/WhatsApp/email is our reading. */
        hoursApplyToAllChannels: z.boolean().default(true),
        /** No numeric cap found. null = none. */
        dailyContactMax: z.number().int().min(1).max(20).nullable().default(null),
      })
      .strict()
      .default({ hoursApplyToAllChannels: true, dailyContactMax: null }),
    ar: z
      .object({
        /** CABA hours (Ley 6171 per a single repo note): Mon–Fri 08–20, Sat 08–12. */
        cabaWeek: WeekWindows.default(cabaWeek),
        /** No national numeric rule was found; by default the CABA hours apply nationwide (dignified-treatment duty). */
        nationalWeek: WeekWindows.nullable().default(cabaWeek),
        /** Whether national public holidays are barred (not stated anywhere). */
        noContactOnHolidays: z.boolean().default(true),
      })
      .strict()
      .default({ cabaWeek, nationalWeek: cabaWeek, noContactOnHolidays: true }),
  })
  .strict();
export type ComplianceSettings = z.infer<typeof ComplianceSettings>;
export type ComplianceSettingsInput = z.input<typeof ComplianceSettings>;

export const DEFAULT_SETTINGS: ComplianceSettings = ComplianceSettings.parse({});
