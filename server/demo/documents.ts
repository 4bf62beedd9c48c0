import type { Random } from './random';

/** Chilean RUT with its mod-11 check digit, written as people write it: "12.345.678-5". */
export function chileanRut(body: number): string {
  let sum = 0;
  let mul = 2;
  for (let n = body; n > 0; n = Math.floor(n / 10)) {
    sum += (n % 10) * mul;
    mul = mul === 7 ? 2 : mul + 1;
  }
  const r = 11 - (sum % 11);
  const dv = r === 11 ? '0' : r === 10 ? 'K' : String(r);
  return `${body.toLocaleString('de-DE')}-${dv}`;
}

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

function plain(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]/g, '');
}

function firstInner(s: string, vowels: boolean): string {
  const re = vowels ? /[AEIOU]/ : /[B-DF-HJ-NP-TV-Z]/;
  for (let i = 1; i < s.length; i++) if (re.test(s[i]!)) return s[i]!;
  return 'X';
}

/** Mexican CURP built from the person's data, with its check digit (RENAPO's algorithm). */
export function curp(p: {
  given: string;
  surname1: string;
  surname2: string;
  birthDate: string;
  sex: 'H' | 'M';
  state: string;
  rnd: Random;
}): string {
  const s1 = plain(p.surname1);
  const s2 = plain(p.surname2) || 'X';
  const g = plain(p.given);
  const [y, m, d] = p.birthDate.split('-') as [string, string, string];
  const body =
    s1[0]! + firstInner(s1, true) + s2[0]! + g[0]! + y.slice(2) + m + d + p.sex + p.state +
    firstInner(s1, false) + firstInner(s2, false) + firstInner(g, false) +
    (Number(y) < 2000 ? String(p.rnd.int(0, 9)) : String.fromCharCode(65 + p.rnd.int(0, 25)));
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHABET.indexOf(body[i]!) * (18 - i);
  return body + String((10 - (sum % 10)) % 10);
}

/** RENAPO state codes of the demo's Mexican cities. */
export const CURP_STATE: Record<string, string> = {
  CMX: 'DF', JAL: 'JC', NLE: 'NL', BCN: 'BC', SON: 'SR', ROO: 'QR', YUC: 'YN', CHH: 'CH',
};
