import { describe, expect, it } from 'vitest';
import { hsdsUuid } from './hsdsUuid';

describe('hsdsUuid', () => {
  it('gives the same version-5 UUID for the same name, and another for another name', () => {
    const uuid = hsdsUuid('actor:polaris-project');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hsdsUuid('actor:polaris-project')).toBe(uuid);
    expect(hsdsUuid('actor:polaris-projecu')).not.toBe(uuid);
  });

  it('matches RFC 9562 version 5 (SHA-1) for a known namespace and name', () => {
    // uuid.uuid5(uuid.UUID('6f3c1d2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f'), 'café') in Python.
    expect(hsdsUuid('café')).toBe(PYTHON_UUID5_CAFE);
  });
});

const PYTHON_UUID5_CAFE = '0899c1a6-2264-5a6d-8b15-4ea1af94056b';
