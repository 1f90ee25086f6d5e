/**
 * The citizen's notice settings (contract: packages/contracts/src/notice-settings.ts).
 * Addresses are read from the contact register on every request; only the choice is stored.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeChannelsFor, type Clock, type ContactFacts, type ContactRegister } from '@innboks/core';
import type { DeliverySettings } from '@innboks/db';
import { noticeSettingsUpdateSchema, type NoticeSettings } from '@innboks/contracts';
import { problem, type FieldMessageKey } from '../http/problem.ts';
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
      throw problem(503, 'contactRegisterUnavailable', { headers: { 'retry-after': '30' } });
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
    if (citizen.actsForAnother) throw problem(403, 'noticeChoiceNotOwn', { errors: [{ field: 'choice', says: 'noticeChoiceNotOwn' }] });
    const contact = await lookup(citizen.nationalId);
    const choice = request.body.choice;
    const missing = missingContact((choice === 'sms' || choice === 'both') && !contact.mobile, (choice === 'email' || choice === 'both') && !contact.email);
    if (missing) throw problem(422, 'noticeChoiceNotSaved', { errors: [{ field: 'choice', says: missing }] });
    await citizen.saveNoticeChoice(choice, options.clock.now());
    return view(contact, choice);
  });
}

/** What the contact register lacks for a choice, as the field's problem says it. */
function missingContact(mobile: boolean, email: boolean): FieldMessageKey | undefined {
  if (mobile && email) return 'missingMobileAndEmail';
  if (mobile) return 'missingMobile';
  return email ? 'missingEmail' : undefined;
}
