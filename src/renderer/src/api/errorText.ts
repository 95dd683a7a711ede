/**
 * A failure as the user reads it, in the language in use: the main process sends an error's message as a key and
 * values when it has one (shared/api/errors.ts); anything else (a message without a key, an error of the renderer's
 * own) is shown as its text.
 */
import type { FieldIssue } from '../../../shared/api';
import { issueText, messageText, type ErrorMessage, type Translate } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { ApiCallError } from './client';

/** Whether a message sent over the transport names a key this UI knows (a newer main process might send another). */
function known(text: ErrorMessage | undefined): text is ErrorMessage {
  return text !== undefined && Object.hasOwn(en, text.key);
}

/** Why something failed, for a notice or an alert. */
export function errorText(reason: unknown, t: Translate): string {
  if (reason instanceof ApiCallError && known(reason.error.text)) return messageText(reason.error.text, t);
  return reason instanceof Error ? reason.message : String(reason);
}

/** What is wrong with one field, to show next to it. */
export function fieldIssueText(issue: FieldIssue, t: Translate): string {
  return known(issue.text) ? messageText(issue.text, t) : issueText(issue.message, t);
}
