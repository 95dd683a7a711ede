/**
 * The error vocabulary every transport carries: a stable code for programs, a message for people (English) and, when
 * the error has one, the same message as a key and values (`text`), which the UI shows in the language in use.
 */
import type { z } from 'zod';
import { englishText, type KeyedMessage, type ErrorMessageKey, type MessageParam } from '../i18n/keyedMessage';

/** Why a call failed. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure as it travels over IPC or HTTP. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The message as a key and values, for the UI to translate. */
  text?: KeyedMessage;
  /** Each problem with the field it concerns, when the input was refused. */
  issues?: FieldIssue[];
}

/** One problem with one field: `path` is the dotted field name, e.g. `constraints.maxHops` or `rows[3].Label`. */
export interface FieldIssue {
  path: string;
  message: string;
  /** The message as a key and values, for the UI to translate. */
  text?: KeyedMessage;
}

/** An error's message as a key and values. */
export function errorMessage(key: ErrorMessageKey, params: Record<string, MessageParam> = {}): KeyedMessage {
  return { key, params };
}

/** A problem with one field, as a message the UI translates (`message` is its English text). */
export function fieldIssue(path: string, text: KeyedMessage): FieldIssue {
  return { path, message: englishText(text), text };
}

/** The answer of every contract call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error thrown by a service with a code the transports pass on unchanged. */
export class AtlasError extends Error {
  override readonly name = 'AtlasError';
  /** The message as a key and values, when it was given as one. */
  readonly text: KeyedMessage | undefined;
  /** `message` is English text, or a message the UI translates (its English text becomes the error's message). */
  constructor(
    readonly code: ErrorCode,
    message: string | KeyedMessage,
    readonly issues?: FieldIssue[],
  ) {
    super(typeof message === 'string' ? message : englishText(message));
    this.text = typeof message === 'string' ? undefined : message;
  }

  /** The plain object form sent over a transport. */
  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.text && { text: this.text }),
      ...(this.issues && { issues: this.issues }),
    };
  }
}

/** Turns a zod path into a dotted field name: `['rows', 3, 'Label']` → `rows[3].Label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The most field issues an error carries: hostile input (an object with 100,000 keys) must not make a huge message. */
export const MAX_FIELD_ISSUES = 50;

/** The issues of a zod error, each naming its field; unknown keys are named one by one (at most {@link MAX_FIELD_ISSUES}). */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = formatPath([...(prefix ? [prefix] : []), ...issue.path]);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
        issues.push({ path: base ? `${base}.${shown}` : shown, message: `unknown field "${shown}"` });
      }
    } else {
      issues.push({ path: base || '(input)', message: issue.message });
    }
  }
  if (issues.length <= MAX_FIELD_ISSUES) return issues;
  const more = issues.length - MAX_FIELD_ISSUES + 1;
  return [...issues.slice(0, MAX_FIELD_ISSUES - 1), { path: '(input)', message: `and ${more} more problems` }];
}

/** A one-line summary of field issues, e.g. `name: must not be empty; phones[0].number: ...`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}

/** A BAD_INPUT error for a zod failure, whose message names every field that is wrong. */
export function badInput(error: z.ZodError, what: string, prefix = ''): AtlasError {
  const issues = fieldIssues(error, prefix);
  return new AtlasError('BAD_INPUT', `${what} refused: ${describeIssues(issues)}`, issues);
}
