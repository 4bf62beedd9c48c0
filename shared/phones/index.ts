/**
 * Phones: `normalizePhone(raw, 'CO')` → E.164 + line type, or a reason code (messages in ./messages);
 * `phoneSearchVariants(typed, 'CO')` → E.164 candidates and a digit suffix to find a debtor by any format.
 */
export * from './normalize-phone';
export * from './search-variants';
export * from './messages';
export * from './display';
