import { describe, expect, it } from 'vitest';
import { endpointMismatchMessage, englishText, messageText, translate } from '../i18n';
import { endpointMismatch } from './edges';

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

  it('is told as a message in either language, naming the record and what the type allows', () => {
    const mismatch = endpointMismatch('member_of', taskForce, shelter)!;
    const message = endpointMismatchMessage('member_of', mismatch, 'Casa Tres Lunas');
    expect(englishText(message)).toBe(
      '“is a member of” cannot end at Casa Tres Lunas (Shelter); it ends at: Task force.',
    );
    expect(messageText(message, (key, params) => translate('es', key, params))).toMatch(
      /^«.+» no puede terminar en Casa Tres Lunas \(.+\); termina en: .+\.$/,
    );
    const need = { id: 'need:shelter', kind: 'need' as const };
    const twoKinds = endpointMismatchMessage('funds', endpointMismatch('funds', shelter, need)!, 'Shelter need');
    expect(englishText(twoKinds)).toBe('“funds” cannot end at Shelter need (Need); it ends at: Actor, Service.');
  });
});
