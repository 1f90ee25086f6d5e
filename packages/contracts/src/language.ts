/**
 * The citizen's language (GET/PUT /api/language). The list comes from the domain core, so
 * server, notices and web apps offer the same four.
 * GET → { language: null } until the citizen has chosen; PUT { language } saves the choice
 * for every device and for notices and printed letters, and answers the saved value.
 * A language not offered answers 400 naming `language`.
 */
import { z } from 'zod';
import { languages } from '@innboks/core/language';

export { languages, languageLocales, isLanguage, preferredLanguage, type Language } from '@innboks/core/language';

export const languageSchema = z.enum(languages);

export const languageChoiceSchema = z.object({ language: languageSchema.nullable() });
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

export const languageUpdateSchema = z.object({ language: languageSchema });
export type LanguageUpdate = z.infer<typeof languageUpdateSchema>;
