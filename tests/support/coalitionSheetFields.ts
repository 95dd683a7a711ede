/**
 * The record fields an elements row of a coalition spreadsheet carries, written down independently of the writer's
 * column table so the round-trip tests check it rather than repeat it. The other fields keep their defaults in a new
 * database and their values in an existing one.
 */
export const SHEET_CARRIED_FIELDS = [
  'id',
  'kind',
  'name',
  'actorType',
  'description',
  'tags',
  'aliases',
  'regions',
  'languages',
  'phones',
  'email',
  'url',
  'address',
  'source',
  'verifiedAt',
  'confidential',
] as const;
