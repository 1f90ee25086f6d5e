/**
 * The words of a notice in each language. Made from the service name and the login
 * address alone, so no subject, sender, department or body can reach a notice. A
 * notice to a parent of letters for a child says only that: never which child, nor why.
 */
import type { Language } from '../language/language.ts';

export interface NoticeText {
  sms: string;
  emailSubject: string;
  emailText: string;
}

export interface NoticeTextOptions {
  /** The name citizens know the portal by, e.g. "Helsenorge". */
  serviceName: string;
  /** Where to log in, e.g. https://innboks.example.no */
  loginUrl: string;
}

/** Whose letters a notice stands for: the person's own (any), or only a child's they have parental responsibility for. */
export type NoticeConcerns = 'self' | 'child';

interface Wording {
  arrived: (service: string, url: string) => string;
  forChild: (service: string, url: string) => string;
  subject: (service: string) => string;
  greeting: string;
  noReply: string;
}

const wordings: Readonly<Record<Language, Wording>> = {
  nb: {
    arrived: (service, url) => `Du har fått en ny melding på ${service}. Logg inn på ${url} for å lese den.`,
    forChild: (service, url) => `Du har fått en ny melding på ${service} for et barn du har foreldreansvar for. Logg inn på ${url} for å lese den.`,
    subject: (service) => `Ny melding på ${service}`,
    greeting: 'Hei,',
    noReply: 'Denne e-posten kan ikke besvares.',
  },
  nn: {
    arrived: (service, url) => `Du har fått ei ny melding på ${service}. Logg inn på ${url} for å lese ho.`,
    forChild: (service, url) => `Du har fått ei ny melding på ${service} for eit barn du har foreldreansvar for. Logg inn på ${url} for å lese ho.`,
    subject: (service) => `Ny melding på ${service}`,
    greeting: 'Hei,',
    noReply: 'Du kan ikkje svare på denne e-posten.',
  },
  // The service name stays uninflected (no case ending on a name we do not control).
  se: {
    arrived: (service, url) => `Don leat ožžon ođđa dieđáhusa: ${service}. Čálit sisa ${url} ja loga dan.`,
    // "foreldreansvar" is váhnenovddasvástádus **?** in docs/glossary-languages.md: for a translator's review.
    forChild: (service, url) => `Don leat ožžon ođđa dieđáhusa: ${service}, mánná ovddas geas dus lea váhnenovddasvástádus. Čálit sisa ${url} ja loga dan.`,
    subject: (service) => `Ođđa dieđáhus: ${service}`,
    greeting: 'Bures,',
    noReply: 'Dán e-poastta ii sáhte vástidit.',
  },
  en: {
    arrived: (service, url) => `You have a new message on ${service}. Log in at ${url} to read it.`,
    forChild: (service, url) => `You have a new message on ${service} for a child you have parental responsibility for. Log in at ${url} to read it.`,
    subject: (service) => `New message on ${service}`,
    greeting: 'Hello,',
    noReply: 'Please do not reply to this e-mail.',
  },
};

export function noticeText({ serviceName, loginUrl }: NoticeTextOptions, language: Language = 'nb', concerns: NoticeConcerns = 'self'): NoticeText {
  const wording = wordings[language];
  const arrived = (concerns === 'child' ? wording.forChild : wording.arrived)(serviceName, loginUrl);
  return {
    sms: arrived,
    emailSubject: wording.subject(serviceName),
    emailText: [wording.greeting, '', arrived, '', wording.noReply].join('\n'),
  };
}
