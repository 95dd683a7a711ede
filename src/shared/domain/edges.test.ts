import { describe, expect, it } from 'vitest';
import { edgeEndpointProblem, endpointMismatch } from './edges';

const shelter = { id: 'actor:shelter', kind: 'actor' as const, actorType: 'shelter' };
const taskForce = { id: 'actor:task-force', kind: 'actor' as const, actorType: 'task_force' };
const service = { id: 'service:beds', kind: 'service' as const };

describe('endpointMismatch', () => {
  it('names the end a relation type does not allow, what is there and what the type wants', () => {
    expect(endpointMismatch('member_of', shelter, taskForce)).toBeNull();
    expect(endpointMismatch('member_of', taskForce, shelter)).toEqual({
      end: 'to',
      id: 'actor:shelter',
      wants: 'actorType',
      allowed: ['task_force'],
      actual: 'shelter',
    });
    expect(endpointMismatch('offers', service, service)).toEqual({
      end: 'from',
      id: 'service:beds',
      wants: 'kind',
      allowed: ['actor'],
      actual: 'service',
    });
    expect(endpointMismatch('member_of', shelter, { id: 'actor:x', kind: 'actor' })).toMatchObject({
      actual: 'untyped',
    });
  });

  it('says it in English for the app’s own messages', () => {
    expect(edgeEndpointProblem('offers', service, service)).toBe(
      'a "offers" relation must start at actor, but service:beds is a service',
    );
    expect(edgeEndpointProblem('member_of', taskForce, shelter)).toBe(
      'a "member_of" relation must end at a task_force, but actor:shelter is shelter',
    );
    expect(edgeEndpointProblem('offers', shelter, service)).toBeNull();
  });
});
