/**
 * What the shared schemas say of a wrong field (shared/domain): the English text is the schemas' own message, and a
 * form shows it in the language in use (issueText in shared/i18n/issueText.ts finds it by that text).
 */
export const validationEn = {
  'validation.notEmpty': 'must not be empty',
  'validation.recordSource': 'must cite where the record comes from',
  'validation.relationSource': 'must cite where the relation comes from',
  'validation.selfRelation': 'must not point at its own start',
  'validation.date': 'must be a date written YYYY-MM-DD',
  'validation.realDate': 'is not a real calendar date',
  'validation.id': 'must look like "actor:some-name" (lower case, digits, . _ -)',
  'validation.region': 'must be an ISO 3166 code with an optional /-separated path, e.g. "US-CA/Los Angeles County"',
  'validation.language': 'must be an ISO 639 code such as "en" or "es"',
  'validation.time': 'must be a time written HH:MM (24-hour)',
  'validation.closesAfterOpens': 'must close after it opens',
  'validation.phone': 'may hold only digits, spaces and + ( ) . / -',
  'validation.country': 'must be an ISO 3166-1 alpha-2 code such as "US"',
  'validation.maxAgeBelowMin': 'must not be below minAge',
  'validation.email': 'must be an e-mail address',
  'validation.needId': 'must be "need:" followed by the code',
} as const;

export const validationEs: Record<keyof typeof validationEn, string> = {
  'validation.notEmpty': 'no puede estar vacío',
  'validation.recordSource': 'debe indicar de dónde procede el registro',
  'validation.relationSource': 'debe indicar de dónde procede la relación',
  'validation.selfRelation': 'no puede apuntar a su propio origen',
  'validation.date': 'debe ser una fecha escrita AAAA-MM-DD',
  'validation.realDate': 'no es una fecha real del calendario',
  'validation.id': 'debe tener la forma "actor:algun-nombre" (minúsculas, dígitos, . _ -)',
  'validation.region':
    'debe ser un código ISO 3166 con una ruta opcional separada por /, p. ej. "US-CA/Los Angeles County"',
  'validation.language': 'debe ser un código ISO 639 como "en" o "es"',
  'validation.time': 'debe ser una hora escrita HH:MM (24 horas)',
  'validation.closesAfterOpens': 'debe cerrar después de abrir',
  'validation.phone': 'solo puede contener dígitos, espacios y + ( ) . / -',
  'validation.country': 'debe ser un código ISO 3166-1 alfa-2 como "US"',
  'validation.maxAgeBelowMin': 'no puede ser menor que la edad mínima',
  'validation.email': 'debe ser una dirección de correo electrónico',
  'validation.needId': 'debe ser "need:" seguido del código',
};
