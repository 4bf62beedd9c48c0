/**
 * Compliance on the desk (issue 8): `createComplianceService` (check before a dial + audit, lead overrides, the
 * queue's deferral hook, debtor-view audit, attempt review) and the contract's `compliance` namespace.
 * The rules themselves are pure, in shared/compliance.
 */
export { createComplianceService, DEFERRED_INDEFINITELY, type ComplianceService, type DialTarget } from './compliance-service';
export { createComplianceHandlers } from './handlers';
