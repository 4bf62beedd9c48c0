/**
 * Negotiation: the creditor's policy, the offers an agent may present, the promise to pay, dispositions,
 * callbacks and broken-promise tracking. Pure (no I/O); money in integer minor units (shared/money).
 *
 * Policy and offers
 * - `NegotiationPolicySchema` / `parsePolicy(body)`: one segment's policy (docs/policies.md).
 * - `computeOffers({ policy, balance, principal?, today, isBusinessDay })` → `Offer[]`: pay in full at the max
 *   discount, settlement at the floor, installment plans 2..maxTerm per allowed frequency (each installment ≥ the
 *   minimum), quote-rounded (COP/CLP whole pesos), due dates on business days, strictly increasing.
 *   `buildInstallmentPlan(ctx, { count, frequency, downPayment?, firstDate? })` for a custom plan.
 * - `checkArrangement(arrangement, ctx)` → `PolicyViolation[]` ({ code, path, params }): the single policy check
 *   that offers pass and promises must pass.
 *
 * Promise to pay
 * - `validatePromise(draft, ctx, meta)` → `{ ok, promise: PromiseRecord }` | `{ ok: false, errors }`, one error
 *   per form field (`amount`, `dates.N`, `method`, `installments`, `frequency`, `downPayment`, `kind`).
 *   The record carries its schedule and reminders (business day before + due day, 09:00 debtor time, UTC).
 * - `readBackText(promise, 'es' | 'en')`: what the agent reads aloud for the debtor to confirm.
 *
 * Calls
 * - `NonPaymentReasonSchema`, `ReasonEntrySchema`, `REASONS`, `mayAskReason(country)` (Colombia: never ask why).
 * - `DispositionSchema`, `DISPOSITIONS` (what each needs and changes), `dispositionsFor(reached)`,
 *   `validateWrapUp(...)`, `wrapUpRemainingSeconds(...)`.
 * - `callbackAt(localDate, localTime, zone, nowUtc?)` → UTC; refuses DST-skipped times with a suggestion.
 *
 * Follow-up
 * - `trackPromises({ promises, payments, graceDays, now })` → status per promise/installment (kept, partial,
 *   pending, broken), payment applications, unapplied money. `newlyBroken`, `keptRateByAgent`.
 * - `followUpAgenda({ promises, callbacks, now, agentZone })`: overdue / today / this week.
 *
 * Examples: `EXAMPLE_POLICIES` (one per currency, creditor/segment "*"), `selectPolicy(policies, creditorId, segment, currency)`.
 *
 * Texts: `negotiationMessages` (es/en, flat i18next keys) and `negotiationMessage(code, params, lang, currency)`.
 */
export * from './policy';
export { CalendarError, memoizeBusinessDay, type IsBusinessDay } from './dates';
export * from './terms';
export * from './arrangement';
export * from './offers';
export * from './payment-methods';
export * from './reminders';
export * from './promise';
export * from './reasons';
export * from './dispositions';
export * from './callbacks';
export * from './promise-tracking';
export * from './agenda';
export * from './messages';
export * from './examples';
