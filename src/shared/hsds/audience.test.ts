import { describe, expect, it } from 'vitest';
import { actorSchema, CONFIDENTIAL_FIELDS } from '../domain';
import { redactForAudience } from './audience';

const shelter = actorSchema.parse({
  id: 'actor:shelter',
  kind: 'actor',
  actorType: 'shelter',
  name: 'Shelter',
  source: 'test',
  address: { street: '1 Hidden Way', city: 'Town', postalCode: '99999', region: 'CA', country: 'US' },
  phones: [{ number: '555 0100' }],
  email: 'intake@example.org',
  url: 'https://example.org',
  capacity: { available: 3, updatedAt: '2026-01-01' },
  confidential: [...CONFIDENTIAL_FIELDS],
});

describe('redactForAudience', () => {
  it('removes every confidential field for the public', () => {
    const redacted = redactForAudience(shelter, 'public');
    expect(redacted.address).toEqual({ region: 'CA', country: 'US' });
    expect(redacted.phones).toEqual([]);
    expect(redacted.email).toBeNull();
    expect(redacted.url).toBeNull();
    expect(redacted.capacity).toBeNull();
    expect(redacted.confidential).toEqual([]);
  });

  it('hides what a service inherits from the actor offering it', () => {
    const open = { ...shelter, confidential: [] };
    expect(redactForAudience(open, 'public', ['address.street']).address?.street).toBeUndefined();
    expect(redactForAudience(open, 'public').address?.street).toBe('1 Hidden Way');
  });

  it('keeps everything for partners', () => {
    expect(redactForAudience(shelter, 'partners')).toBe(shelter);
  });
});
