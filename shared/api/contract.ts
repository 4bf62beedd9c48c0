/**
 * The renderer ↔ main contract. Adding a method: add it to its namespace file under ./methods and write its
 * handler in main/services/handlers. The preload, the browser host and the tests all derive from this object.
 */
import { adminMethods } from './methods/admin';
import { appMethods } from './methods/app';
import { callsMethods } from './methods/calls';
import { complianceMethods } from './methods/compliance';
import { negotiationMethods } from './methods/negotiation';
import { notesMethods } from './methods/notes';
import { phoneSettingsMethods } from './methods/phone-settings';
import { portfolioMethods } from './methods/portfolio';
import { sessionMethods } from './methods/session';
import { updatesMethods } from './methods/updates';
import { syncMethods } from './methods/sync';
import type { Client, RawBridge } from './bridge';
import type { Handlers } from './dispatch';
import { events, type Events } from './events';

export const contract = {
  app: appMethods,
  session: sessionMethods,
  portfolio: portfolioMethods,
  notes: notesMethods,
  compliance: complianceMethods,
  negotiation: negotiationMethods,
  updates: updatesMethods,
  sync: syncMethods,
  admin: adminMethods,
  calls: callsMethods,
  phone: phoneSettingsMethods,
};
export type Contract = typeof contract;
export { events };
export type { Events };

export type RecaudoBridge = RawBridge<Contract, Events>;
export type RecaudoClient = Client<Contract, Events>;
export type RecaudoHandlers = Handlers<Contract>;
