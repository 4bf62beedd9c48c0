/**
 * i18next setup: Spanish by default, English on request. Our texts (es.ts/en.ts) plus the messages the shared
 * domain modules ship (money, phones, …), nested into one tree per language.
 */
import i18next from 'i18next';
import { moneyMessages } from '../../shared/money/messages';
import { phoneMessages } from '../../shared/phones/messages';
import { negotiationMessages } from '../../shared/negotiation/messages';
import { phoneEn, phoneEs } from '../features/phone/i18n';
import { complianceResources } from '../features/compliance/i18n';
import { refusalMessages } from '../../shared/sync/reasons';
import type { Language } from '../../shared/domain/codes';
import { es } from './es';
import { en } from './en';
import { mergeTrees, nestFlat, type Tree } from './merge';
import { memoizeTranslations } from './memo-t';

function resourcesFor(lang: Language): Tree {
  const own = lang === 'es' ? es : en;
  const tree = mergeTrees({}, own as unknown as Tree);
  mergeTrees(tree, nestFlat(moneyMessages[lang]));
  mergeTrees(tree, nestFlat(phoneMessages[lang], 'phones.error'));
  mergeTrees(tree, nestFlat(negotiationMessages[lang]));
  mergeTrees(tree, (lang === 'es' ? phoneEs : phoneEn) as unknown as Tree);
  mergeTrees(tree, complianceResources(lang));
  mergeTrees(tree, nestFlat(refusalMessages[lang]));
  return tree;
}

export const LANGUAGES: readonly Language[] = ['es', 'en'];

export const i18n = i18next.createInstance();

void i18n.init({
  lng: 'es',
  fallbackLng: 'es',
  supportedLngs: ['es', 'en'],
  resources: { es: { translation: resourcesFor('es') }, en: { translation: resourcesFor('en') } },
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  // i18next's defaults, declared: left implicit, every t() first tests the key for "natural language" with a
  // regular expression (a tenth of its time); our keys are dotted paths and never name a namespace.
  keySeparator: '.',
  nsSeparator: ':',
  initAsync: false,
});
memoizeTranslations(i18n);

/** BCP 47 locale for numbers and dates in the UI language (money keeps the currency's own decimals). */
export function uiLocale(lang: string): string {
  return lang === 'en' ? 'en-US' : 'es-CO';
}
