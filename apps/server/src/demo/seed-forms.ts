/**
 * The demo forms on first start: each published by its sender, a waiting survey for
 * Kari (ordered like any sender orders one, so it arrives in her inbox with its
 * letter) and a catalogue form she submitted, with its receipt written by the same
 * handler the worker runs.
 */
import type { Kysely } from 'kysely';
import { addOsloDays, type Clock, type IncomingQuestionnaire } from '@innboks/core';
import { CitizenForms, Directory, openSenderRepository, SenderForms, type Database } from '@innboks/db';
import { formReceiptHandler } from '../jobs/form-jobs.ts';
import { demoCitizens, demoSenders } from './demo-data.ts';
import { demoDeductibleCapAnswers, demoForms } from './demo-forms.ts';

export async function seedDemoForms(db: Kysely<Database>, clock: Clock): Promise<void> {
  const any = await db.selectFrom('questionnaire').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const now = clock.now();
  const formsOf = async (clientId: string) => {
    const sender = demoSenders.find((candidate) => candidate.clientId === clientId)!;
    const repository = await openSenderRepository(db, { clientId, organizationNumber: sender.organizationNumber });
    return { forms: new SenderForms(db, repository!.organization), organizationNumber: sender.organizationNumber };
  };
  const published = new Map<string, string>();
  for (const [name, form] of Object.entries(demoForms)) {
    const { resource } = form;
    const questionnaire: IncomingQuestionnaire = {
      url: resource.url,
      version: resource.version,
      status: 'active',
      title: resource.title,
      allCitizens: 'useContext' in resource,
      resource: resource as unknown as Record<string, unknown>,
    };
    const { stored } = await (await formsOf(form.clientId)).forms.publish(questionnaire, now);
    published.set(name, stored.id);
  }

  const kari = demoCitizens[0]!;
  const survey = await formsOf(demoForms.survey.clientId);
  await survey.forms.order(
    {
      identifier: { system: 'urn:demo:folkehelseundersokelsen', value: 'demo-survey-kari' },
      citizenNationalId: kari.nationalId,
      requesterOrganizationNumber: survey.organizationNumber,
      questionnaire: { url: demoForms.survey.resource.url, version: demoForms.survey.resource.version },
      closesAt: addOsloDays(now, 30),
      description: 'Du er invitert til å delta i Folkehelseundersøkelsen. Det tar om lag ti minutter, og deltakelse er frivillig.',
      representativeAccess: null,
    },
    new Date(now.getTime() - 80 * 3_600_000),
  );

  const citizen = await new Directory(db).findCitizen(kari.nationalId);
  if (!citizen) throw new Error(`the demo citizen ${kari.nationalId} is not seeded`);
  const submitted = await new CitizenForms(db, citizen.id, { nationalId: kari.nationalId, relation: null }).submit(
    { kind: 'catalogue', questionnaireId: published.get('deductibleCap')! },
    demoDeductibleCapAnswers,
    new Date(now.getTime() - 120 * 3_600_000),
  );
  if (submitted.outcome === 'submitted') await formReceiptHandler(db, clock)({ citizenId: citizen.id, responseId: submitted.responseId });
}
