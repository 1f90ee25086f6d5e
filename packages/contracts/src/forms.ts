/**
 * The citizen's forms (citizen web app and the forms app):
 * GET  /api/forms → FormsOverview (waiting orders, drafts of catalogue forms, the catalogue)
 * GET  /api/forms/{ordered|catalogue}/:id → FormToFill (the Questionnaire, the draft, whether it can be sent)
 * PUT  /api/forms/{ordered|catalogue}/:id/draft { items } → FormDraftSaved
 * POST /api/forms/{ordered|catalogue}/:id/submit { items } → FormSubmitted; a second submit of
 *      an ordered form answers 409, an expired or cancelled one 409 naming why.
 * (the form an inbox letter ordered is its `formId` in GET /api/letters/:id)
 * GET/PUT /api/research-reservation { reserved }
 */
import { z } from 'zod';

export const formKindSchema = z.enum(['ordered', 'catalogue']);
export type FormKind = z.infer<typeof formKindSchema>;

export const formListItemSchema = z.object({
  kind: formKindSchema,
  id: z.string(),
  title: z.string(),
  organizationName: z.string(),
  closesAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FormListItem = z.infer<typeof formListItemSchema>;

export const formsOverviewSchema = z.object({
  waiting: z.array(formListItemSchema),
  drafts: z.array(formListItemSchema),
  catalogue: z.array(formListItemSchema),
});
export type FormsOverview = z.infer<typeof formsOverviewSchema>;

export const formStateSchema = z.enum(['open', 'submitted', 'expired', 'cancelled']);
export type FormState = z.infer<typeof formStateSchema>;

export const formToFillSchema = z.object({
  kind: formKindSchema,
  id: z.string(),
  title: z.string(),
  organizationName: z.string(),
  questionnaire: z.record(z.string(), z.unknown()),
  draft: z.array(z.unknown()).nullable(),
  state: formStateSchema,
  closesAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type FormToFill = z.infer<typeof formToFillSchema>;

/** QuestionnaireResponse.item as the renderer gives it; each answer's attachment is checked like a letter's. */
export const formAnswersSchema = z.object({ items: z.array(z.record(z.string(), z.unknown())).max(2000) });
export type FormAnswers = z.infer<typeof formAnswersSchema>;

export const formDraftSavedSchema = z.object({ savedAt: z.string() });
export type FormDraftSaved = z.infer<typeof formDraftSavedSchema>;

export const formSubmittedSchema = z.object({ responseId: z.string() });
export type FormSubmitted = z.infer<typeof formSubmittedSchema>;

export const researchReservationSchema = z.object({ reserved: z.boolean() });
export type ResearchReservation = z.infer<typeof researchReservationSchema>;
