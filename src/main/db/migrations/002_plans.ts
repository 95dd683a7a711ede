import type { Migration } from './index';

/**
 * Saved referral plans: a case code the caseworker chooses (never a name), the profile of needs, the plan as it was
 * when saved, an expiry after which it is purged, and the follow-up state of each step.
 */
export const migration002Plans: Migration = {
  version: 2,
  name: 'saved referral plans',
  sql: `
    CREATE TABLE plans (
      id TEXT PRIMARY KEY,
      case_code TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'es')),
      profile TEXT NOT NULL CHECK (json_valid(profile)),
      choices TEXT NOT NULL CHECK (json_valid(choices)),
      plan TEXT NOT NULL CHECK (json_valid(plan)),
      notes TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX plans_by_expiry ON plans (expires_at);
    CREATE INDEX plans_by_case ON plans (case_code);

    CREATE TABLE plan_steps (
      plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
      step INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('planned', 'referred', 'accepted', 'declined', 'completed')),
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (plan_id, step)
    ) STRICT;
  `,
};
