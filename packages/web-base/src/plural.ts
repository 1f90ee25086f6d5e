/** The forms of a counted phrase, by the language's plural category (`Intl.PluralRules`); `other` is required. */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The phrase for `count`, `{count}` filled in: "1 ubesvart", "2 ubesvarte". The rules of
 * the language choose the form, so languages with more forms than one and many need no code.
 */
export function plural(locale: string, forms: PluralForms, count: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace('{count}', new Intl.NumberFormat(locale).format(count));
}
