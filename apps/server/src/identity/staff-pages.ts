/**
 * The staff variant of the test login: the embedded provider plays HelseID for the
 * staff workspace. It lists demo staff; the login asserts HelseID-shaped claims
 * (`helseid://claims/identity/pid`, `helseid://claims/hpr/hpr_number`,
 * `helseid://claims/identity/security_level`, `name`). Which services a person works
 * in is never in the token: it comes from our own database.
 */
import { escapeHtml, page } from './pages.ts';

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
  const errorId = 'nationalId-error';
  const invalid = model.error !== undefined;
  const staff = model.staff.length
    ? `<section aria-labelledby="staff-heading">
<h2 id="staff-heading">Testansatte</h2>
<ul class="persons">
${model.staff
  .map(
    (member) => `<li>
<form method="post" action="${escapeHtml(model.action)}">
<input type="hidden" name="nationalId" value="${escapeHtml(member.nationalId)}">
<button type="submit">Logg inn som ${escapeHtml(member.name)}</button>
</form>
<p class="muted">${member.services.length ? `Arbeider i ${escapeHtml(member.services.join(', '))}` : 'Ikke medlem av noen tjeneste'}${
      member.hprNumber ? ` – HPR-nummer ${escapeHtml(member.hprNumber)}` : ''
    }</p>
</li>`,
  )
  .join('\n')}
</ul>
</section>`
    : '';
  return page(
    `${invalid ? 'Feil: ' : ''}${staffLoginTitle}`,
    `<h1>${escapeHtml(staffLoginTitle)}</h1>
<p class="warning">Dette er en testinnlogging for ansatte i kommunale helse- og omsorgstjenester, for utvikling og test. Her logger du inn som en oppdiktet ansatt uten passord.</p>
<form method="post" action="${escapeHtml(model.action)}" novalidate>
<label for="nationalId">Fødselsnummer</label>
<input type="text" id="nationalId" name="nationalId" inputmode="numeric" autocomplete="off" spellcheck="false" maxlength="20"${
      model.nationalId ? ` value="${escapeHtml(model.nationalId)}"` : ''
    }${invalid ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''}>
${invalid ? `<p class="error" id="${errorId}">${escapeHtml(model.error ?? '')}</p>\n` : ''}<button type="submit">Logg inn</button>
</form>
${staff}
<p><a href="${escapeHtml(model.abortUrl)}">Avbryt innloggingen</a></p>`,
  );
}
