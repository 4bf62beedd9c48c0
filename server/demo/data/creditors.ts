import type { CountryCode, CurrencyCode } from '../../../shared/domain/codes';

export interface ProductSpec {
  code: string;
  /** Principal range in major units of the currency. */
  principal: readonly [number, number];
  /** Typical term in months, for the pre-default payment history. */
  termMonths: readonly [number, number];
  weight: number;
}

export interface CreditorSpec {
  id: string;
  name: string;
  country: Exclude<CountryCode, 'AR'>;
  currency: CurrencyCode;
  /** Account number prefix: each creditor numbers accounts its own way. */
  accountPrefix: string;
  products: readonly ProductSpec[];
  weight: number;
}

/** Fictional creditors, one market each, with balances in the ranges collectors see there. */
export const CREDITORS: readonly CreditorSpec[] = [
  {
    id: 'cred-co-banco-cordillera', name: 'Banco Cordillera S.A.', country: 'CO', currency: 'COP', accountPrefix: 'BC',
    products: [
      { code: 'tarjeta_credito', principal: [800_000, 18_000_000], termMonths: [12, 36], weight: 5 },
      { code: 'libre_inversion', principal: [3_000_000, 60_000_000], termMonths: [24, 72], weight: 3 },
      { code: 'libranza', principal: [2_000_000, 35_000_000], termMonths: [24, 60], weight: 2 },
    ],
    weight: 7,
  },
  {
    id: 'cred-co-conecta-movil', name: 'Conecta Móvil Colombia S.A.S.', country: 'CO', currency: 'COP', accountPrefix: 'CM',
    products: [
      { code: 'telefonia_movil', principal: [45_000, 650_000], termMonths: [1, 3], weight: 6 },
      { code: 'equipo_financiado', principal: [400_000, 4_500_000], termMonths: [12, 24], weight: 4 },
    ],
    weight: 3,
  },
  {
    id: 'cred-cl-multitienda-austral', name: 'Multitienda Austral S.A.', country: 'CL', currency: 'CLP', accountPrefix: 'MA',
    products: [
      { code: 'tarjeta_retail', principal: [60_000, 2_500_000], termMonths: [3, 24], weight: 6 },
      { code: 'credito_consumo', principal: [500_000, 9_000_000], termMonths: [12, 48], weight: 4 },
    ],
    weight: 1,
  },
  {
    id: 'cred-mx-financiera-sierra', name: 'Financiera Sierra Madre S.A. de C.V., SOFOM', country: 'MX', currency: 'MXN', accountPrefix: 'FSM',
    products: [
      { code: 'prestamo_personal', principal: [5_000, 150_000], termMonths: [6, 36], weight: 5 },
      { code: 'tarjeta_credito', principal: [3_000, 90_000], termMonths: [6, 24], weight: 4 },
      { code: 'credito_nomina', principal: [10_000, 200_000], termMonths: [12, 48], weight: 2 },
    ],
    weight: 1,
  },
  {
    id: 'cred-pe-caja-andina', name: 'Caja Andina del Perú', country: 'PE', currency: 'PEN', accountPrefix: 'CA',
    products: [
      { code: 'credito_consumo', principal: [800, 35_000], termMonths: [6, 36], weight: 5 },
      { code: 'microcredito', principal: [500, 15_000], termMonths: [3, 18], weight: 4 },
      { code: 'tarjeta_credito', principal: [400, 12_000], termMonths: [6, 24], weight: 3 },
    ],
    weight: 1,
  },
  {
    id: 'cred-us-lakeshore-card', name: 'Lakeshore Card Services, N.A.', country: 'US', currency: 'USD', accountPrefix: 'LCS',
    products: [
      { code: 'credit_card', principal: [400, 18_000], termMonths: [12, 36], weight: 6 },
      { code: 'personal_loan', principal: [1_500, 25_000], termMonths: [24, 60], weight: 3 },
    ],
    weight: 6,
  },
  {
    id: 'cred-us-pinecrest-medical', name: 'Pinecrest Medical Billing LLC', country: 'US', currency: 'USD', accountPrefix: 'PMB',
    products: [{ code: 'medical', principal: [120, 6_500], termMonths: [1, 12], weight: 1 }],
    weight: 4,
  },
];

/** The buckets collectors segment by (days past due); one negotiation policy per creditor and bucket. */
export const SEGMENTS = [
  { code: 'dpd_1_30', min: 1, max: 30, weight: 35 },
  { code: 'dpd_31_60', min: 31, max: 60, weight: 25 },
  { code: 'dpd_61_90', min: 61, max: 90, weight: 15 },
  { code: 'dpd_90_plus', min: 91, max: 720, weight: 25 },
] as const;
export type SegmentCode = (typeof SEGMENTS)[number]['code'];
