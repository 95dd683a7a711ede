/** Reading a change set's message back from the audit log (see shared/i18n/keyedMessage.ts). */
import { z } from 'zod';
import type { ChangeMessage, ChangeMessageKey, MessageKey } from '../../shared/i18n';
import { en } from '../../shared/i18n/en';
import { changesEn } from '../../shared/i18n/messages/changes';

const CHANGE_KEYS = Object.keys(changesEn) as [ChangeMessageKey, ...ChangeMessageKey[]];

const messageKeySchema = z.custom<MessageKey>((key) => typeof key === 'string' && Object.hasOwn(en, key));
const plainValueSchema = z.union([z.string(), z.number()]);

/** A change's message, its values as keyedMessage.ts's MessageParam allows. */
const changeMessageSchema = z.object({
  key: z.enum(CHANGE_KEYS),
  params: z.record(
    z.string(),
    z.union([
      plainValueSchema,
      z.object({ message: messageKeySchema, params: z.record(z.string(), plainValueSchema).optional() }),
      z.object({ messages: z.array(messageKeySchema) }),
    ]),
  ),
});

/**
 * A change's message as the audit log stored it, or null when there is none (written before messages were kept) or
 * it cannot be read (a message of a later version, say): then the English label stands in, as it always did.
 */
export function readChangeMessage(json: string | null): ChangeMessage | null {
  if (json === null) return null;
  try {
    const parsed = changeMessageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
