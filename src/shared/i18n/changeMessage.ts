/**
 * A change set's description as a message key and its values. The audit log keeps it beside the English label, so
 * undo and redo name a change in the language in use, whichever language it was made in. (No zod here: the renderer
 * loads this with its first screen; the main process reads a stored message with storedChangeMessage.ts.)
 */
import type { changesEn } from './messages/changes';
import type { MessageKey } from './en';

/** The key of a change's message. */
export type ChangeMessageKey = keyof typeof changesEn;

/** A value of a change's message: text, a number, or another message to translate first (a relation type's name). */
export type ChangeParam = string | number | { message: MessageKey };

export interface ChangeMessage {
  key: ChangeMessageKey;
  params: Record<string, ChangeParam>;
}

/** Fills in a change's message with `translate`, which gives a key's text in some language. */
export function changeText(
  message: ChangeMessage,
  translate: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [
      name,
      typeof value === 'object' ? translate(value.message) : value,
    ]),
  );
  return translate(message.key, params);
}
