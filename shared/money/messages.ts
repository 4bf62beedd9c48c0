/**
 * es/en texts for the money error codes, i18next style (`{{param}}`). Keys are flat codes ("money.negative"):
 * register with i18next `keySeparator: false`, or call `moneyMessage`.
 */
export const moneyMessages = {
  es: {
    'money.empty': 'Escriba un monto.',
    'money.negative': 'El monto no puede ser negativo.',
    'money.not_numeric': 'El monto solo puede tener dígitos y separadores (por ejemplo 1.200.000).',
    'money.invalid_grouping': 'Los separadores de miles no están bien ubicados: revise el monto.',
    'money.too_many_decimals': 'En {{currency}} se admiten como máximo {{max}} decimales.',
    'money.too_large': 'El monto es demasiado grande.',
    'money.currency_mismatch': 'Escribió {{typed}}, pero la cuenta está en {{expected}}.',
  },
  en: {
    'money.empty': 'Enter an amount.',
    'money.negative': 'The amount cannot be negative.',
    'money.not_numeric': 'The amount may only contain digits and separators (for example 1,200,000).',
    'money.invalid_grouping': 'The thousands separators are misplaced: check the amount.',
    'money.too_many_decimals': '{{currency}} allows at most {{max}} decimals.',
    'money.too_large': 'The amount is too large.',
    'money.currency_mismatch': 'You typed {{typed}}, but the account is in {{expected}}.',
  },
} as const;

export type MoneyMessageKey = keyof (typeof moneyMessages)['es'];

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k in params ? String(params[k]) : `{{${k}}}`));
}

export function moneyMessage(code: MoneyMessageKey, params: Record<string, string | number>, lang: 'es' | 'en'): string {
  return interpolate(moneyMessages[lang][code], params);
}
