/**
 * Money: integer minor units + ISO 4217 currency. Never floats of major units.
 *
 * - `Money = { amountMinor, currency }`, `MoneySchema` (zod, strict; amountMinor a safe integer).
 * - Currencies (`CURRENCIES`): ISO minor exponent for storage and a quote exponent for what people say/pay.
 *   COP is stored in centavos (ISO 2) but quoted in whole pesos; CLP has 0; MXN, PEN, ARS, USD 2.
 * - Arithmetic: `add`, `subtract`, `sum`, `compare`, `min`, `max`, `roundToQuote` (throw `MoneyError` on mixed
 *   currencies or overflow: programming errors, not user input).
 * - Rates: policy percentages → ppm (`percentToPpm`, `PercentSchema`), `applyPpm`, `percentOfQuoted` (bigint).
 * - `allocate(total, n)` / `allocateByWeights`: exact splits, every part a whole quote step.
 * - `parseMoneyInput(text, currency, locale)` → `{ok, value}` | `{ok:false, error:{code, params}}`;
 *   `formatMoney(m, locale, {display:'symbol'|'code'})` via Intl.NumberFormat; es/en texts in `moneyMessages`.
 */
export * from './currency';
export * from './money';
export * from './rate';
export * from './allocate';
export * from './parse';
export * from './format';
export * from './messages';
