/**
 * English UI messages: the reference set. Each view keeps its messages in its own file under ./messages; every other
 * language must translate every key (a missing key is a compile error).
 */
import { shellEn } from './messages/shell';
import { searchEn } from './messages/search';
import { networkEn } from './messages/network';
import { planEn } from './messages/plan';
import { directoryEn } from './messages/directory';
import { insightsEn } from './messages/insights';
import { changesEn } from './messages/changes';
import { validationEn } from './messages/validation';
import { errorsEn } from './messages/errors';
import { importsEn } from './messages/imports';
import { desktopEn } from './messages/desktop';

/** Every English UI message, by key. */
export const en = {
  ...shellEn,
  ...searchEn,
  ...networkEn,
  ...planEn,
  ...directoryEn,
  ...insightsEn,
  ...changesEn,
  ...validationEn,
  ...errorsEn,
  ...importsEn,
  ...desktopEn,
} as const;

/** A UI message key. */
export type MessageKey = keyof typeof en;
