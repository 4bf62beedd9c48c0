import { z } from 'zod';
import { CurrencyCode, Id, IsoDate } from '../../shared/domain/codes';

export const promiseRoutePaths = {
  payments: '/api/v1/payments',
  kpis: '/api/v1/kpis/promises',
} as const;

/** A payment posted through the API (the import posts files of them). Account by id or by creditor + number. */
export const PostPayment = z
  .object({
    accountId: Id.optional(),
    creditorId: Id.optional(),
    accountNumber: z.string().min(1).max(64).optional(),
    amountMinor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    currency: CurrencyCode,
    postedAt: IsoDate,
    method: z.string().min(1).max(32),
    /** The payer's or bank's reference: posting the same reference twice is one payment. */
    reference: z.string().min(1).max(128),
  })
  .strict()
  .refine((p) => p.accountId !== undefined || (p.creditorId !== undefined && p.accountNumber !== undefined), {
    message: 'payments.error.accountRequired',
    path: ['accountId'],
  });
export type PostPayment = z.infer<typeof PostPayment>;

export const KpiQuery = z
  .object({
    /** Promises made from this date (UTC) … */
    from: IsoDate.optional(),
    /** … to this date inclusive. */
    to: IsoDate.optional(),
    teamId: Id.optional(),
  })
  .strict();
