import type { Migration } from './index';

/**
 * A change set's description as a message key and its values (JSON, see shared/i18n/keyedMessage.ts), beside its
 * English label: undo and redo name the change in the language in use. Null for change sets written before.
 */
export const migration003ChangeMessages: Migration = {
  version: 3,
  name: 'change set messages',
  sql: `
    ALTER TABLE change_sets ADD COLUMN message TEXT;
  `,
};
