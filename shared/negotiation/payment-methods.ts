import { z } from 'zod';

/** How the debtor says they will pay. Labels (es/en) live in messages.ts under `paymentMethod.<code>`. */
export const PaymentMethodSchema = z.enum([
  'bank_transfer',
  'pse',
  'cash_point',
  'bank_branch',
  'card',
  'direct_debit',
  'online_portal',
  'check',
  'other',
]);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
