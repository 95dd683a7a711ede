/**
 * Every confidential text value of the sample network (phones, e-mail, web address, street, city, postal code of
 * the records that mark them confidential), read from the shipped files: what no public output may contain.
 * Capacity (a small number, too common to search for in a document) is covered by the redaction unit test in
 * src/shared/hsds/audience.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderRecord } from '../../src/shared/domain';
import { DATA_DIR } from './tempAtlas';

export function sampleConfidentialValues(): string[] {
  const values = new Set<string>();
  for (const file of ['actors.json', 'services.json']) {
    for (const record of JSON.parse(readFileSync(join(DATA_DIR, 'sample', file), 'utf8')) as ProviderRecord[]) {
      for (const field of record.confidential) {
        if (field === 'phones') for (const phone of record.phones) values.add(phone.number);
        else if (field === 'email' && record.email) values.add(record.email);
        else if (field === 'url' && record.url) values.add(record.url);
        else if (field.startsWith('address.')) {
          const value = record.address?.[field.slice(8) as 'street' | 'city' | 'postalCode'];
          if (value) values.add(value);
        }
      }
    }
  }
  return [...values];
}
