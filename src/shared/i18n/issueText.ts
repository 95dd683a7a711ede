/** A wrong field's message in the language in use. */
import type { MessageKey } from './en';
import { validationEn } from './messages/validation';

const KEY_BY_TEXT = new Map(Object.entries(validationEn).map(([key, text]) => [text as string, key as MessageKey]));

/**
 * The shared schemas' own messages (messages/validation.ts) translated with `translate`; any other text is shown as it
 * is (zod's own messages, which a form asks for in the language in use as it parses; a message sent by the app).
 */
export function issueText(message: string, translate: (key: MessageKey) => string): string {
  const key = KEY_BY_TEXT.get(message);
  return key ? translate(key) : message;
}
