/**
 * The staff variant of the test login: the embedded provider plays HelseID for the
 * staff workspace. It lists demo staff; the login asserts HelseID-shaped claims
 * (`helseid://claims/identity/pid`, `helseid://claims/hpr/hpr_number`,
 * `helseid://claims/identity/security_level`, `name`). Which services a person works
 * in is never in the token: it comes from our own database.
 */
import type { Language } from '@innboks/core';
import { renderTestLoginPage } from './pages.ts';
import { providerWords } from './provider-words.ts';
import { testLoginWords } from './test-login-words.ts';

export const helseIdScopes = ['helseid://scopes/identity/pid', 'helseid://scopes/identity/security_level', 'helseid://scopes/hpr/hpr_number'] as const;

export const helseIdClaims: Record<(typeof helseIdScopes)[number], string[]> = {
  'helseid://scopes/identity/pid': ['helseid://claims/identity/pid'],
  'helseid://scopes/identity/security_level': ['helseid://claims/identity/security_level'],
  'helseid://scopes/hpr/hpr_number': ['helseid://claims/hpr/hpr_number'],
};

export const staffClientScope = ['openid', 'profile', ...helseIdScopes].join(' ');

const staffPrefix = 'staff:';

/** Staff accounts are kept apart from citizens' in the provider: `staff:<national id>`. */
export const staffAccountId = (nationalId: string) => `${staffPrefix}${nationalId}`;

export function staffNationalIdOf(accountId: string): string | undefined {
  return accountId.startsWith(staffPrefix) ? accountId.slice(staffPrefix.length) : undefined;
}

export interface DemoStaffPerson {
  nationalId: string;
  name: string;
  hprNumber: string | null;
  services: string[];
  /** Runs the service (the operator's screen). */
  operator?: boolean;
}

export interface StaffLoginPageModel {
  action: string;
  abortUrl: string;
  staff: DemoStaffPerson[];
  nationalId?: string;
  error?: string;
}

/** The staff test login in the staff member's language (the choice the staff workspace keeps in this browser). */
export function renderStaffLoginPage(model: StaffLoginPageModel, language: Language = 'nb'): string {
  const words = providerWords[language].staffLogin;
  return renderTestLoginPage({
    title: words.title,
    intro: words.intro,
    listHeading: { id: 'staff-heading', text: words.persons },
    people: model.staff.map((member) => ({
      nationalId: member.nationalId,
      name: member.name,
      detail: `${member.operator ? `${words.operator} – ` : ''}${member.services.length ? words.worksIn(member.services.join(', ')) : words.noService}${member.hprNumber ? ` – ${words.hprNumber(member.hprNumber)}` : ''}`,
    })),
    form: model,
    words: testLoginWords[language],
    language,
  });
}
