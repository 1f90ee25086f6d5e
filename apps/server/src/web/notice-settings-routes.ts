/**
 * The citizen's notice settings (contract: packages/contracts/src/notice-settings.ts).
 * Addresses are read from the contact register on every request; only the choice is stored.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeChannelsFor, type Clock, type ContactFacts, type ContactRegister } from '@innboks/core';
import type { DeliverySettings } from '@innboks/db';
import { noticeSettingsUpdateSchema, type NoticeSettings } from '@innboks/contracts';
import { HttpProblem } from '../http/problem.ts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';

export interface NoticeSettingsRouteOptions {
  guards: Guards;
  clock: Clock;
  contactRegister: ContactRegister;
  settings: DeliverySettings;
}

export async function registerNoticeSettingsRoutes(app: FastifyInstance, options: NoticeSettingsRouteOptions): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const lookup = async (nationalId: string): Promise<ContactFacts> => {
    try {
      return (await options.contactRegister.lookup(nationalId)) ?? { reserved: false, mobile: null, email: null, digitalMailbox: null };
    } catch {
      throw new HttpProblem(503, 'Kontaktregisteret svarer ikke', 'Prøv igjen om litt.', undefined, { 'retry-after': '30' });
    }
  };
  const view = (contact: ContactFacts, choice: NoticeSettings['choice']): NoticeSettings => ({
    mobile: contact.mobile,
    email: contact.email,
    reserved: contact.reserved,
    choice,
    effective: contact.reserved ? [] : noticeChannelsFor(choice, contact).filter((channel) => options.settings.noticeChannels.includes(channel)),
  });

  routes.get('/api/notice-settings', { preHandler: options.guards.citizen }, async (request): Promise<NoticeSettings> => {
    const citizen = citizenScope(request);
    const [contact, choice] = await Promise.all([lookup(citizen.nationalId), citizen.noticeChoice()]);
    return view(contact, choice);
  });

  routes.put('/api/notice-settings', { preHandler: options.guards.citizen, schema: { body: noticeSettingsUpdateSchema } }, async (request): Promise<NoticeSettings> => {
    const citizen = citizenScope(request);
    // The notice channels are the person's own: someone acting for them may see them, not change them.
    if (citizen.actsForAnother) throw new HttpProblem(403, 'Kan ikke endre varslingsvalget', 'Bare personen selv kan endre varslingsvalget sitt.', [{ field: 'choice', message: 'Bare personen selv kan endre varslingsvalget sitt.' }]);
    const contact = await lookup(citizen.nationalId);
    const choice = request.body.choice;
    const missing: string[] = [];
    if ((choice === 'sms' || choice === 'both') && !contact.mobile) missing.push('mobilnummer');
    if ((choice === 'email' || choice === 'both') && !contact.email) missing.push('e-postadresse');
    if (missing.length > 0) {
      throw new HttpProblem(422, 'Kan ikke lagre varslingsvalget', undefined, [
        { field: 'choice', message: `Kontakt- og reservasjonsregisteret har ikke ${missing.join(' eller ')} for deg.` },
      ]);
    }
    await citizen.saveNoticeChoice(choice, options.clock.now());
    return view(contact, choice);
  });
}
