/**
 * A message kept as its key and values rather than as text, so whoever shows it can put it in the language in use:
 * a change set's description (the audit log keeps it beside the English label, so undo and redo name a change in the
 * language in use, whichever language it was made in), an error the main process sends to the UI, and a problem an
 * import finds. (No zod here: the renderer loads this with its first screen; the main process reads a stored message
 * with storedChangeMessage.ts.)
 */
import type { changesEn } from './messages/changes';
import type { errorsEn } from './messages/errors';
import { en, type MessageKey } from './en';
import { translatorFor, type Translate } from './translate';

/**
 * A value of a message: text, a number, another message to translate first (a relation type's name, or a message
 * with values of its own), or a list of messages (the kinds of record a relation allows), translated and joined with
 * commas.
 */
export type MessageParam =
  string | number | { message: MessageKey; params?: Record<string, string | number> } | { messages: MessageKey[] };

/** A message as its key and values. */
export interface KeyedMessage<Key extends MessageKey = MessageKey> {
  key: Key;
  params: Record<string, MessageParam>;
}

/** The key of a change's message. */
export type ChangeMessageKey = keyof typeof changesEn;
/** What a change set did. */
export type ChangeMessage = KeyedMessage<ChangeMessageKey>;

/** The key of an error's message. */
export type ErrorMessageKey = keyof typeof errorsEn;

/**
 * Whether a message names a key of this version's catalogue: one that came over a transport or from a file might be
 * of another version, and is then shown by its text.
 */
export function isKnownMessage(message: KeyedMessage | undefined): message is KeyedMessage {
  return message !== undefined && typeof message.key === 'string' && Object.hasOwn(en, message.key);
}

/** Fills in a message with `translate`, which gives a key's text in some language. */
export function messageText(message: KeyedMessage, translate: Translate): string {
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [
      name,
      typeof value !== 'object'
        ? value
        : 'messages' in value
          ? value.messages.map((key) => translate(key)).join(', ')
          : translate(value.message, value.params),
    ]),
  );
  return translate(message.key, params);
}

/** A message's English text: what the audit log's label, the CLI and other programs read. */
export function englishText(message: KeyedMessage): string {
  return messageText(message, translatorFor('en'));
}
