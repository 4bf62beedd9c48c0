import type { RecaudoHandlers } from '../../../shared/api/contract';
import type { User } from '../../../shared/domain/users';
import type { ComplianceService } from './compliance-service';

export type ComplianceHandlers = RecaudoHandlers['compliance'];

export interface ComplianceHandlerDeps {
  service: ComplianceService;
  /** The logged-in user whose slice this store holds (throws like the portfolio methods otherwise). */
  user: () => User;
  guard: <A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) => (...a: A) => Promise<R>;
}

/** The `compliance` namespace of the contract over the desk's compliance service. */
export function createComplianceHandlers(d: ComplianceHandlerDeps): ComplianceHandlers {
  return {
    checkDial: d.guard(async (input) => d.service.checkDial(d.user(), input)),
    override: d.guard(async (input) => d.service.override(d.user(), input)),
    verifyAudit: d.guard(async ({ expectedHead }) => d.service.verifyAudit(d.user(), expectedHead ? { expectedHead } : {})),
    attempts: d.guard(async ({ debtorId }) => d.service.attempts(d.user(), debtorId)),
  };
}
