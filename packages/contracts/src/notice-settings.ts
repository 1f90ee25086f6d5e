/**
 * The citizen's notice settings: how we tell them something arrived (never what).
 * GET /api/notice-settings → NoticeSettings; PUT /api/notice-settings { choice } → NoticeSettings.
 * The mobile number and e-mail address come from the contact and reservation
 * register (changed there, not here); the choice is the citizen's own and stored.
 * A choice the register has no address for answers 422 naming `choice`.
 */
import { z } from 'zod';

export const noticeChoiceSchema = z.enum(['sms', 'email', 'both']);
export type NoticeChoiceValue = z.infer<typeof noticeChoiceSchema>;

export const noticeSettingsSchema = z.object({
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  /** Reserved against digital contact in the register: no notices go. */
  reserved: z.boolean(),
  /** The citizen's own choice; null when they have not made one. */
  choice: noticeChoiceSchema.nullable(),
  /** Where notices go now, from the choice and the register. */
  effective: z.array(z.enum(['sms', 'email'])),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

export const noticeSettingsUpdateSchema = z.object({ choice: noticeChoiceSchema });
export type NoticeSettingsUpdate = z.infer<typeof noticeSettingsUpdateSchema>;
