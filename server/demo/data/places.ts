import type { CountryCode } from '../../../shared/domain/codes';

export interface City {
  city: string;
  /** Region code as the country's post uses it. */
  region: string;
  timeZone: string;
  /** Share of the country's debtors living here. */
  weight: number;
  /** National landline digits before the subscriber number (area code, and the fixed leading digit). */
  landlineArea: string;
  /** Subscriber digits after `landlineArea`. */
  landlineDigits: number;
}

/** Cities per market with their IANA zones: several zones in Mexico and the US, Chile's Magallanes. */
export const CITIES: Record<Exclude<CountryCode, 'AR'>, readonly City[]> = {
  CO: [
    { city: 'Bogotá', region: 'DC', timeZone: 'America/Bogota', weight: 35, landlineArea: '601', landlineDigits: 7 },
    { city: 'Medellín', region: 'ANT', timeZone: 'America/Bogota', weight: 20, landlineArea: '604', landlineDigits: 7 },
    { city: 'Cali', region: 'VAC', timeZone: 'America/Bogota', weight: 15, landlineArea: '602', landlineDigits: 7 },
    { city: 'Barranquilla', region: 'ATL', timeZone: 'America/Bogota', weight: 12, landlineArea: '605', landlineDigits: 7 },
    { city: 'Bucaramanga', region: 'SAN', timeZone: 'America/Bogota', weight: 9, landlineArea: '607', landlineDigits: 7 },
    { city: 'Cartagena', region: 'BOL', timeZone: 'America/Bogota', weight: 9, landlineArea: '605', landlineDigits: 7 },
  ],
  CL: [
    { city: 'Santiago', region: 'RM', timeZone: 'America/Santiago', weight: 55, landlineArea: '22', landlineDigits: 7 },
    { city: 'Valparaíso', region: 'VS', timeZone: 'America/Santiago', weight: 14, landlineArea: '322', landlineDigits: 6 },
    { city: 'Concepción', region: 'BI', timeZone: 'America/Santiago', weight: 14, landlineArea: '412', landlineDigits: 6 },
    { city: 'Antofagasta', region: 'AN', timeZone: 'America/Santiago', weight: 10, landlineArea: '552', landlineDigits: 6 },
    { city: 'Punta Arenas', region: 'MA', timeZone: 'America/Punta_Arenas', weight: 7, landlineArea: '612', landlineDigits: 6 },
  ],
  MX: [
    { city: 'Ciudad de México', region: 'CMX', timeZone: 'America/Mexico_City', weight: 30, landlineArea: '55', landlineDigits: 8 },
    { city: 'Guadalajara', region: 'JAL', timeZone: 'America/Mexico_City', weight: 15, landlineArea: '33', landlineDigits: 8 },
    { city: 'Monterrey', region: 'NLE', timeZone: 'America/Monterrey', weight: 15, landlineArea: '81', landlineDigits: 8 },
    { city: 'Tijuana', region: 'BCN', timeZone: 'America/Tijuana', weight: 10, landlineArea: '664', landlineDigits: 7 },
    { city: 'Hermosillo', region: 'SON', timeZone: 'America/Hermosillo', weight: 8, landlineArea: '662', landlineDigits: 7 },
    { city: 'Cancún', region: 'ROO', timeZone: 'America/Cancun', weight: 8, landlineArea: '998', landlineDigits: 7 },
    { city: 'Mérida', region: 'YUC', timeZone: 'America/Merida', weight: 7, landlineArea: '999', landlineDigits: 7 },
    { city: 'Chihuahua', region: 'CHH', timeZone: 'America/Chihuahua', weight: 7, landlineArea: '614', landlineDigits: 7 },
  ],
  PE: [
    { city: 'Lima', region: 'LIM', timeZone: 'America/Lima', weight: 60, landlineArea: '1', landlineDigits: 7 },
    { city: 'Arequipa', region: 'ARE', timeZone: 'America/Lima', weight: 12, landlineArea: '54', landlineDigits: 6 },
    { city: 'Trujillo', region: 'LAL', timeZone: 'America/Lima', weight: 11, landlineArea: '44', landlineDigits: 6 },
    { city: 'Cusco', region: 'CUS', timeZone: 'America/Lima', weight: 9, landlineArea: '84', landlineDigits: 6 },
    { city: 'Piura', region: 'PIU', timeZone: 'America/Lima', weight: 8, landlineArea: '73', landlineDigits: 6 },
  ],
  US: [
    { city: 'New York', region: 'NY', timeZone: 'America/New_York', weight: 18, landlineArea: '718', landlineDigits: 7 },
    { city: 'Miami', region: 'FL', timeZone: 'America/New_York', weight: 16, landlineArea: '305', landlineDigits: 7 },
    { city: 'Chicago', region: 'IL', timeZone: 'America/Chicago', weight: 14, landlineArea: '773', landlineDigits: 7 },
    { city: 'Houston', region: 'TX', timeZone: 'America/Chicago', weight: 16, landlineArea: '713', landlineDigits: 7 },
    { city: 'Denver', region: 'CO', timeZone: 'America/Denver', weight: 8, landlineArea: '303', landlineDigits: 7 },
    { city: 'Phoenix', region: 'AZ', timeZone: 'America/Phoenix', weight: 10, landlineArea: '602', landlineDigits: 7 },
    { city: 'Los Angeles', region: 'CA', timeZone: 'America/Los_Angeles', weight: 18, landlineArea: '323', landlineDigits: 7 },
  ],
};

/** Country calling codes. */
export const CALLING_CODE: Record<Exclude<CountryCode, 'AR'>, string> = {
  CO: '57',
  CL: '56',
  MX: '52',
  PE: '51',
  US: '1',
};

/** Mobile national-number prefixes per country (mobile digits follow, to the national length). */
export const MOBILE_PLAN: Record<Exclude<CountryCode, 'AR'>, { prefixes: readonly string[]; length: number } | 'area'> = {
  CO: { prefixes: ['300', '301', '302', '304', '305', '310', '311', '312', '313', '314', '315', '316', '317', '318', '319', '320', '321', '350', '351'], length: 10 },
  CL: { prefixes: ['94', '95', '96', '97', '98', '99', '92', '93'], length: 9 },
  PE: { prefixes: ['91', '92', '93', '94', '95', '96', '97', '98', '99'], length: 9 },
  // Mexico and the US: mobiles carry the city's area code.
  MX: 'area',
  US: 'area',
};
