/**
 * Portfolio import, the parts every side shares: the column spec (`IMPORT_FIELDS`, `suggestMapping`), cell
 * parsers (dates, amounts with decimal comma, currencies, countries), default zones, defect and error codes with
 * es/en texts, and the HTTP contract (`importRoutePaths`, request/response schemas).
 */
export * from './fields';
export * from './defects';
export * from './messages';
export * from './values';
export * from './zones';
export * from './api';
export * from './mapping';
