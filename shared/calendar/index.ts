/** Calendars: public holidays per country/region (date-holidays, public type only) and business days. */
export * from './holidays';
