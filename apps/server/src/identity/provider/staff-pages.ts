/**
 * The staff variant of the test login: the embedded provider plays HelseID for the
 * staff workspace. It lists demo staff; the login asserts HelseID-shaped claims
 * (`helseid://claims/identity/pid`, `helseid://claims/hpr/hpr_number`,
 * `helseid://claims/identity/security_level`, `name`). Which services a person works
 * in is never in the token: it comes from our own database.
 */
import { renderTestLoginPage } from './pages.ts';

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

export const staffLoginTitle = 'Testinnlogging for ansatte – ikke ekte HelseID';

export function renderStaffLoginPage(model: StaffLoginPageModel): string {
  return renderTestLoginPage({
    title: staffLoginTitle,
    intro: 'Dette er en testinnlogging for ansatte i kommunale helse- og omsorgstjenester, for utvikling og test. Her logger du inn som en oppdiktet ansatt uten passord.',
    listHeading: { id: 'staff-heading', text: 'Testansatte' },
    people: model.staff.map((member) => ({
      nationalId: member.nationalId,
      name: member.name,
      detail: `${member.operator ? 'Driftsoperatør – ' : ''}${member.services.length ? `Arbeider i ${member.services.join(', ')}` : 'Ikke medlem av noen tjeneste'}${member.hprNumber ? ` – HPR-nummer ${member.hprNumber}` : ''}`,
    })),
    form: model,
  });
}
