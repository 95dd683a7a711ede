/** Spanish UI messages, assembled from each view's file. */
import type { MessageKey } from './en';
import { shellEs } from './messages/shell';
import { searchEs } from './messages/search';
import { networkEs } from './messages/network';
import { planEs } from './messages/plan';
import { directoryEs } from './messages/directory';
import { insightsEs } from './messages/insights';
import { changesEs } from './messages/changes';
import { validationEs } from './messages/validation';
import { errorsEs } from './messages/errors';
import { importsEs } from './messages/imports';
import { desktopEs } from './messages/desktop';

/** Every Spanish UI message, by key. */
export const es: Record<MessageKey, string> = {
  ...shellEs,
  ...searchEs,
  ...networkEs,
  ...planEs,
  ...directoryEs,
  ...insightsEs,
  ...changesEs,
  ...validationEs,
  ...errorsEs,
  ...importsEs,
  ...desktopEs,
};
