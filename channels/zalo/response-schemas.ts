import { z } from 'zod';

/** Zalo sends numbers as strings more often than not; accept both, keep the official string form. */
const numericString = z.union([z.string(), z.number()]).transform(String);
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const EnvelopeSchema = z.object({
  error: integer,
  message: z.string().optional(),
  data: z.unknown().optional(),
});

export const ZnsQuotaSchema = z.object({ dailyQuota: numericString, remainingQuota: numericString });
export type ZnsQuota = z.infer<typeof ZnsQuotaSchema>;

export const ZnsSendResultSchema = z.object({
  msg_id: z.string().min(1),
  sent_time: numericString,
  sending_mode: numericString.optional(),
  quota: ZnsQuotaSchema.optional(),
});
export type ZnsSendResult = z.infer<typeof ZnsSendResultSchema>;

export const ZnsMessageStatusSchema = z.object({
  status: integer,
  message: z.string().optional(),
  delivery_time: numericString.optional(),
});
export type ZnsMessageStatus = z.infer<typeof ZnsMessageStatusSchema>;

export const OaSendResultSchema = z.object({ message_id: z.string().min(1), user_id: z.string().optional() });
export type OaSendResult = z.infer<typeof OaSendResultSchema>;

/** OAuth answers without an envelope: tokens on success, `error` + `error_name`/`error_description` on failure. */
export const OAuthErrorSchema = z.object({
  error: integer.refine((code) => code !== 0),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

export const OAuthTokensSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Seconds; Zalo sends "90000" (25 h). */
  expires_in: integer.pipe(z.number().positive()),
});
export type OAuthTokens = z.infer<typeof OAuthTokensSchema>;
