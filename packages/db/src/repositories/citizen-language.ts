/** A citizen's chosen language: read by the web app on every device, by notices and by printed letters. */
import type { Kysely } from 'kysely';
import type { Language } from '@innboks/core';
import type { Database } from '../schema.ts';

export class CitizenLanguage {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly citizenId: string,
  ) {}

  /** The saved choice, or null when the citizen has not chosen. */
  async current(): Promise<Language | null> {
    const row = await this.db.selectFrom('citizen').select('language').where('id', '=', this.citizenId).executeTakeFirst();
    return row?.language ?? null;
  }

  /** Saves the choice; saving the same language twice changes nothing. */
  async save(language: Language): Promise<void> {
    await this.db.updateTable('citizen').set({ language }).where('id', '=', this.citizenId).execute();
  }
}
