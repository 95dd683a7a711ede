/**
 * Who an export is for. A `public` export never carries a field a record marks confidential (a shelter's street
 * address, a private intake line); a `partners` export carries everything and is marked confidential itself.
 */
import type { ConfidentialField, ProviderRecord } from '../domain';

/** Who an export is for. */
export const AUDIENCES = ['public', 'partners'] as const;
/** One of {@link AUDIENCES}. */
export type Audience = (typeof AUDIENCES)[number];

/**
 * A provider as the audience may see it. For `public`, every field in `hidden` (the record's own confidential
 * list, plus any the caller adds, e.g. those of the actor that offers a service) is removed; `confidential` is
 * emptied too, since the public copy no longer holds anything secret.
 */
export function redactForAudience<R extends ProviderRecord>(
  record: R,
  audience: Audience,
  inherited: readonly ConfidentialField[] = [],
): R {
  if (audience === 'partners') return record;
  const hidden = new Set<ConfidentialField>([...record.confidential, ...inherited]);
  if (hidden.size === 0) return record;
  const copy: R = { ...record, confidential: [] };
  if (record.address) {
    const address = { ...record.address };
    if (hidden.has('address.street')) delete address.street;
    if (hidden.has('address.city')) delete address.city;
    if (hidden.has('address.postalCode')) delete address.postalCode;
    copy.address = Object.keys(address).length > 0 ? address : null;
  }
  if (hidden.has('phones')) copy.phones = [];
  if (hidden.has('email')) copy.email = null;
  if (hidden.has('url')) copy.url = null;
  if (hidden.has('capacity')) copy.capacity = null;
  return copy;
}
