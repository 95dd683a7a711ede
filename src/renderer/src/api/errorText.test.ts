import { describe, expect, it } from 'vitest';
import { AtlasError, errorMessage, fieldIssue } from '../../../shared/api';
import { translate, type KeyedMessage, type MessageKey } from '../../../shared/i18n';
import { validationEn } from '../../../shared/i18n/messages/validation';
import { ApiCallError } from './client';
import { errorText, fieldIssueText } from './errorText';

const spanish = (key: MessageKey, params?: Record<string, string | number>) => translate('es', key, params);

describe('errorText', () => {
  it('puts a failed call in the language in use, from its key and values', () => {
    const refused = new AtlasError('NOT_FOUND', errorMessage('error.noSavedView', { name: 'Condado norte' }));
    const failure = new ApiCallError(refused.toApiError());
    expect(failure.message).toBe('There is no saved view “Condado norte”.');
    expect(errorText(failure, spanish)).toBe('No existe la vista guardada «Condado norte».');
  });

  it('translates a value that is itself a message (a kind of record)', () => {
    const refused = new AtlasError(
      'CONFLICT',
      errorMessage('error.kindFixed', {
        id: 'actor:x',
        kind: { message: 'network.kind.actor' },
        next: { message: 'network.kind.service' },
      }),
    );
    expect(errorText(new ApiCallError(refused.toApiError()), spanish)).toBe(
      'actor:x es un registro del tipo «Actor»; su tipo no puede cambiar a «Servicio».',
    );
  });

  it('shows the text of an error without a key, and of a key this UI does not know', () => {
    expect(errorText(new ApiCallError({ code: 'BAD_INPUT', message: 'graph.get input refused' }), spanish)).toBe(
      'graph.get input refused',
    );
    const later = { key: 'error.fromALaterVersion', params: {} } as unknown as KeyedMessage;
    expect(errorText(new ApiCallError({ code: 'INTERNAL', message: 'Something new.', text: later }), spanish)).toBe(
      'Something new.',
    );
    expect(errorText(new Error('The layout worker stopped.'), spanish)).toBe('The layout worker stopped.');
    expect(errorText('plain', spanish)).toBe('plain');
  });
});

describe('fieldIssueText', () => {
  it("puts a field's problem in the language in use, keyed or one of the schemas' own", () => {
    expect(fieldIssueText(fieldIssue('page', errorMessage('error.issue.lessThan', { limit: 3 })), spanish)).toBe(
      'debe ser menor que 3',
    );
    expect(fieldIssueText({ path: 'name', message: validationEn['validation.notEmpty'] }, spanish)).toBe(
      translate('es', 'validation.notEmpty'),
    );
    expect(fieldIssueText({ path: 'name', message: 'unknown field "x"' }, spanish)).toBe('unknown field "x"');
  });
});
