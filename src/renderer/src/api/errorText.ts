/**
 * A failure as the user reads it, in the language in use: the main process sends an error's message as a key and
 * values when it has one (shared/api/errors.ts); anything else (a message without a key, an error of the renderer's
 * own) is shown as its text.
 */
import type { FieldIssue } from '../../../shared/api';
import { isKnownMessage, issueText, messageText, type Translate } from '../../../shared/i18n';
import { ApiCallError } from './client';

/** Why something failed, for a notice or an alert. */
export function errorText(reason: unknown, t: Translate): string {
  if (reason instanceof ApiCallError && isKnownMessage(reason.error.text)) return messageText(reason.error.text, t);
  return reason instanceof Error ? reason.message : String(reason);
}

/** What is wrong with one field, to show next to it. */
export function fieldIssueText(issue: FieldIssue, t: Translate): string {
  return isKnownMessage(issue.text) ? messageText(issue.text, t) : issueText(issue.message, t);
}
