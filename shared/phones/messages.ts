/** es/en strings for phone errors; keys are `phones.error.<reason>` for i18next, params `{{raw}}`, `{{defaultCountry}}`. */
import type { PhoneErrorReason } from './normalize-phone';

export const phoneMessages: Record<'es' | 'en', Record<PhoneErrorReason, string>> = {
  es: {
    empty: 'Escriba un número de teléfono.',
    not_a_number: '«{{raw}}» no es un número de teléfono.',
    invalid_country: 'País desconocido para el número «{{raw}}» ({{defaultCountry}}).',
    too_short: 'El número «{{raw}}» es demasiado corto para {{defaultCountry}}.',
    too_long: 'El número «{{raw}}» es demasiado largo para {{defaultCountry}}.',
    invalid: 'El número «{{raw}}» no es válido para {{defaultCountry}}.',
  },
  en: {
    empty: 'Enter a phone number.',
    not_a_number: '"{{raw}}" is not a phone number.',
    invalid_country: 'Unknown country for the number "{{raw}}" ({{defaultCountry}}).',
    too_short: 'The number "{{raw}}" is too short for {{defaultCountry}}.',
    too_long: 'The number "{{raw}}" is too long for {{defaultCountry}}.',
    invalid: 'The number "{{raw}}" is not valid for {{defaultCountry}}.',
  },
};
