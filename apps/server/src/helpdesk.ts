/**
 * The help desk every footer names, in each language: its name and opening hours as
 * configured (`HELPDESK_NAME`, `HELPDESK_NAME_NN`, …, `HELPDESK_HOURS_NB`, …), else these
 * defaults, the hours worded from `HELPDESK_WEEKDAY_HOURS`. The web app shows the one of
 * the page's language (`GET /api/config`).
 */
import { languages, type Language } from '@innboks/core';

export interface HelpdeskText {
  name: string;
  hours: string;
}

export interface Helpdesk {
  phone: string;
  weekdays: { opens: string; closes: string };
  text: Record<Language, HelpdeskText>;
}

const defaultNames: Record<Language, string> = {
  nb: 'Veiledning Helsenorge',
  nn: 'Rettleiing Helsenorge',
  se: 'Helsenorge geavaheaddjidoarja',
  en: 'the Helsenorge help desk',
};

const defaultHours: Record<Language, (opens: string, closes: string) => string> = {
  nb: (opens, closes) => `Åpent hverdager ${opens}–${closes}.`,
  nn: (opens, closes) => `Ope kvardagar ${opens}–${closes}.`,
  se: (opens, closes) => `Rabas árgabeivviid ${opens}–${closes}.`,
  en: (opens, closes) => `Open weekdays ${opens}–${closes}.`,
};

/**
 * `configured[language]`: what the environment says, where it says anything. `weekdayHours`
 * is "08:00-15:30".
 */
export function helpdesk(phone: string, weekdayHours: string, configured: Partial<Record<Language, Partial<HelpdeskText>>>): Helpdesk {
  const [opens = '', closes = ''] = weekdayHours.split('-');
  const text = Object.fromEntries(
    languages.map((language) => [
      language,
      { name: configured[language]?.name ?? defaultNames[language], hours: configured[language]?.hours ?? defaultHours[language](opens, closes) },
    ]),
  ) as Record<Language, HelpdeskText>;
  return { phone, weekdays: { opens, closes }, text };
}
