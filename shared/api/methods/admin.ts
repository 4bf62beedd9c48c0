/**
 * The admin's screen (role admin only; the desk refuses everyone else with `forbidden`): portfolio import,
 * segmentation rules, assignment.
 *
 * Route choice: the CSV bytes (preview slice and the whole file) go from the renderer straight to the central
 * server with the token `serverAccess` hands out — a portfolio is hundreds of MB and must never cross the
 * renderer ↔ main bridge. Everything else is small JSON and goes through the desk: one typed, zod-checked
 * contract, the role check in one place, server errors turned into i18n keys by the desk's one mapper, and no
 * token kept in the renderer longer than an upload needs.
 *
 * Rule sets and assignment requests are passed through as JSON objects: their schemas live with the server
 * (server/segments/rules.ts, server/assignment/api.ts), which validates them and answers field issues with a
 * path ("rules.2.when.balance.min") that the screen shows next to the place it points at.
 */
import { z } from 'zod';
import { method } from '../define';
import { DefectPage, ImportKindSchema, ImportStatus, StartImportRequest } from '../../import/api';

export const ServerAccess = z.object({
  /** The central server's base URL (no trailing slash). */
  serverUrl: z.string(),
  /** The admin's short-lived bearer token for the upload. */
  token: z.string(),
  /** When the token stops working (ISO); the screen asks again before a long upload if it is near. */
  expiresAt: z.string().nullable(),
});
export type ServerAccess = z.infer<typeof ServerAccess>;

export const CreditorRef = z.object({ id: z.string(), name: z.string(), country: z.string() });
export type CreditorRef = z.infer<typeof CreditorRef>;

const CreditorInput = z.object({ creditorId: z.string().trim().min(1).max(64) }).strict();
const ImportIdInput = z.object({ id: z.string().min(1).max(64) }).strict();

/** A rule set document, validated by the server (see header). */
const JsonObject = z.record(z.string(), z.unknown());

export const SegmentRulesView = z.object({ version: z.number().int(), ruleSet: JsonObject });
export type SegmentRulesView = z.infer<typeof SegmentRulesView>;

export const ResegmentResult = z.object({
  accounts: z.number().int(),
  changed: z.number().int(),
  bySegment: z.record(z.string(), z.number().int()),
});
export type ResegmentResult = z.infer<typeof ResegmentResult>;
export const SavedSegments = ResegmentResult.extend({ version: z.number().int() });
export type SavedSegments = z.infer<typeof SavedSegments>;

export const AssignmentSummary = z.object({
  unassigned: z.number().int(),
  /** Active agents (a lead's own team) and anyone still holding accounts, with their load for the creditor. */
  agents: z.array(z.object({
    agentId: z.string(),
    displayName: z.string(),
    teamId: z.string().nullable(),
    /** false: the user left or was disabled and still holds accounts. */
    active: z.boolean(),
    accounts: z.number().int(),
    balanceMinor: z.coerce.number().int(),
  })),
});
export type AssignmentSummary = z.infer<typeof AssignmentSummary>;

export const AssignmentResult = z.object({
  dryRun: z.boolean(),
  moved: z.number().int(),
  kept: z.number().int(),
  unmatched: z.number().int(),
  /** Each target agent's load within the planned accounts, after the plan. */
  byAgent: z.record(z.string(), z.object({ count: z.number().int(), balanceMinor: z.coerce.number().int() })),
  /** The first moves (the server caps the list). */
  moves: z.array(z.object({ accountId: z.string(), from: z.string().nullable(), to: z.string() })),
});
export type AssignmentResult = z.infer<typeof AssignmentResult>;

/** The screen's assignment form: balanced over a team or a set of agents, by count or balance. */
export const AssignRequest = z
  .object({
    creditorId: z.string().trim().min(1).max(64),
    /** Only these segments' accounts; all the creditor's active accounts when absent. */
    segments: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    /** Reassignment: the accounts now held by these agents. */
    fromAgentIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    onlyUnassigned: z.boolean().default(false),
    to: z.union([
      z.object({ teamId: z.string().trim().min(1).max(64) }).strict(),
      z.object({ agentIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }).strict(),
    ]),
    balanceBy: z.enum(['count', 'balance']).default('count'),
    /** Leave accounts with their current agent when that agent is among the targets (fewer moves). */
    keepCurrent: z.boolean().default(true),
    dryRun: z.boolean().default(true),
    reason: z.string().max(200).default(''),
  })
  .strict();
export type AssignRequest = z.input<typeof AssignRequest>;

export const adminMethods = {
  /** Server URL + the admin's token, for the renderer's direct upload. Admins only. */
  serverAccess: method(z.object({}).strict(), ServerAccess),
  /** Creditors this desk knows (local store and past imports); the screen also accepts a typed id. */
  creditors: method(z.object({}).strict(), z.object({ creditors: z.array(CreditorRef) })),
  /** Creates the import (mapping checked by the server); the renderer then PUTs the file. */
  importStart: method(StartImportRequest, ImportStatus),
  importStatus: method(ImportIdInput, ImportStatus),
  importDefects: method(
    ImportIdInput.extend({ after: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50) }),
    DefectPage,
  ),
  imports: method(
    z.object({ creditorId: z.string().min(1).max(64).optional(), kind: ImportKindSchema.optional() }).strict(),
    z.object({ imports: z.array(ImportStatus) }),
  ),
  segmentRules: method(CreditorInput, SegmentRulesView),
  /** Counts per segment the rule set would give, nothing written. */
  segmentPreview: method(CreditorInput.extend({ ruleSet: JsonObject }), ResegmentResult),
  /** Saves a new version and re-segments. */
  segmentSave: method(CreditorInput.extend({ ruleSet: JsonObject }), SavedSegments),
  /** Re-segments with the version in force (after the days past due moved on). */
  segmentApply: method(CreditorInput, SavedSegments),
  assignmentSummary: method(CreditorInput, AssignmentSummary),
  assign: method(AssignRequest, AssignmentResult),
};
