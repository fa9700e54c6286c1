// The language of the game's words: its locale, and the grammar that numbers bring with them
// (plurals, ordinals, lists), all through Intl so another language needs other words, not code.
// Every module in src/content words its messages with these; nothing outside src/content chooses
// between "day" and "days".

/** The locale every number, date and plural of the game is formatted in. */
export const LOCALE = 'en-GB';

const formats = new Map<string, Intl.NumberFormat>();

/** A number format of the game's locale (cached by its options). */
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(LOCALE, options)));
  return f;
}

const WHOLE = numberFormat();
const rules = new WeakMap<Intl.NumberFormat, Intl.PluralRules>();

/** The plural rules that agree with a number format (1.0 is not "one" in English, 1 is). */
function rulesFor(format: Intl.NumberFormat): Intl.PluralRules {
  let r = rules.get(format);
  if (!r) {
    const o = format.resolvedOptions();
    r = new Intl.PluralRules(LOCALE, { minimumFractionDigits: o.minimumFractionDigits, maximumFractionDigits: o.maximumFractionDigits });
    rules.set(format, r);
  }
  return r;
}

/** A message's forms by plural category; `#` stands for the number, formatted. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of a message the number asks for, with the number in it:
 * `plural(7837, { one: '# citizen', other: '# citizens' })` is "7,837 citizens".
 */
export function plural(n: number, forms: PluralForms, format: Intl.NumberFormat = WHOLE): string {
  const form = forms[rulesFor(format).select(n)] ?? forms.other;
  return form.replace('#', format.format(n));
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinalRules = new Intl.PluralRules(LOCALE, { type: 'ordinal' });
const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = { zero: 'th', one: 'st', two: 'nd', few: 'rd', many: 'th', other: 'th' };

/** "first" to "tenth" in words, then "11th", "21st", "101st". */
export function ordinal(n: number): string {
  return ORDINAL_WORDS[n - 1] ?? `${WHOLE.format(n)}${ORDINAL_SUFFIX[ordinalRules.select(n)]}`;
}

const AND = new Intl.ListFormat(LOCALE, { type: 'conjunction' });

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return AND.format(items);
}

const SMALL_WORDS: Record<number, string> = { 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten' };

/** A small number as prose writes it ("eight"), else in figures. */
export function inWords(n: number): string {
  return SMALL_WORDS[n] ?? WHOLE.format(n);
}
