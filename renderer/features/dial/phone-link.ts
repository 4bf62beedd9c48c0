/**
 * Hands an allowed call to the softphone: the phone store's `dial` when an engine is attached to it, else says
 * that there is no phone on this seat (the attempt stays recorded in the audit log).
 */
import { usePhone } from '../phone/store';

export type PlaceResult =
  | { ok: true }
  | { ok: false; reason: 'not_connected' }
  | { ok: false; reason: 'phone_error'; error: { key: string; params?: Record<string, unknown> } };

export function placeCall(phoneE164: string, debtorId: string): PlaceResult {
  const phone = usePhone.getState();
  if (!phone.engine) return { ok: false, reason: 'not_connected' };
  phone.setNumber(phoneE164);
  phone.dial(debtorId);
  // The store turns synchronous engine refusals into its bar error (e.g. not registered).
  const err = usePhone.getState().error;
  if (err) return { ok: false, reason: 'phone_error', error: err };
  return { ok: true };
}
