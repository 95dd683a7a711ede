/**
 * The record form's fields per kind, and the conversion between a record and the flat text values a form edits.
 * Validation is the shared zod schema's; this only decides how each field is typed in.
 */
import {
  ACTOR_TYPES,
  CONFIDENTIAL_FIELDS,
  COST_KINDS,
  NEED_CODES,
  RECORD_STATUSES,
  STATUTE_TYPES,
  type NodeKind,
  type NodeRecord,
} from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';

/** How a field is typed in. `lines`: one value per line; `json`: a structured value written as JSON. */
export type FieldInput =
  'text' | 'textarea' | 'lines' | 'select' | 'date' | 'number' | 'checkbox' | 'json' | 'checklist';

/** One form field: its dotted key in the record, how it is typed in, and its choices when it has some. */
export interface FieldSpec {
  key: string;
  input: FieldInput;
  options?: readonly string[];
  /** Whether the empty choice (null) is allowed for a select. */
  optional?: boolean;
  /** What a new record starts with (the schema's default), when not empty. */
  initial?: string;
}

const COMMON: FieldSpec[] = [
  { key: 'name', input: 'text' },
  { key: 'description', input: 'textarea' },
  { key: 'source', input: 'textarea' },
  { key: 'verifiedAt', input: 'date' },
  { key: 'status', input: 'select', options: RECORD_STATUSES, initial: 'active' },
  { key: 'aliases', input: 'lines' },
  { key: 'tags', input: 'lines' },
];

const PROVIDER: FieldSpec[] = [
  { key: 'regions', input: 'lines' },
  { key: 'address.street', input: 'text' },
  { key: 'address.city', input: 'text' },
  { key: 'address.region', input: 'text' },
  { key: 'address.postalCode', input: 'text' },
  { key: 'address.country', input: 'text' },
  { key: 'phones', input: 'lines' },
  { key: 'email', input: 'text' },
  { key: 'url', input: 'text' },
  { key: 'languages', input: 'lines' },
  { key: 'open24x7', input: 'checkbox' },
  { key: 'hours', input: 'json' },
  { key: 'eligibility', input: 'json' },
  { key: 'cost', input: 'select', options: COST_KINDS, optional: true },
  { key: 'capacity', input: 'json' },
  { key: 'detention', input: 'checkbox' },
  { key: 'confidential', input: 'checklist', options: CONFIDENTIAL_FIELDS },
];

/** The form fields of each kind, in the order shown. */
export const FIELDS_BY_KIND: Record<NodeKind, FieldSpec[]> = {
  actor: [{ key: 'actorType', input: 'select', options: ACTOR_TYPES }, ...COMMON, ...PROVIDER],
  service: [...COMMON, ...PROVIDER],
  statute: [
    { key: 'statuteType', input: 'select', options: STATUTE_TYPES },
    ...COMMON,
    { key: 'citation', input: 'text' },
    { key: 'enactedAt', input: 'date' },
    { key: 'jurisdiction', input: 'text' },
  ],
  recommendation: [
    { key: 'number', input: 'number' },
    ...COMMON,
    { key: 'title', input: 'textarea' },
    { key: 'actionItems', input: 'lines' },
  ],
  need: [
    { key: 'code', input: 'select', options: NEED_CODES },
    ...COMMON,
    { key: 'nameEs', input: 'text' },
    { key: 'descriptionEs', input: 'textarea' },
  ],
};

/** What a form holds: a string per text field, a boolean per checkbox, a list per checklist. */
export type FormValues = Record<string, string | boolean | string[]>;

function read(record: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined),
      record,
    );
}

/** The form values of a record (or of an empty record of a kind). */
export function recordToForm(kind: NodeKind, record: NodeRecord | null): FormValues {
  const values: FormValues = {};
  const source = (record ?? {}) as Record<string, unknown>;
  for (const field of FIELDS_BY_KIND[kind]) {
    const value = read(source, field.key);
    switch (field.input) {
      case 'checkbox':
        values[field.key] = value === true;
        break;
      case 'checklist':
        values[field.key] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'lines':
        values[field.key] = Array.isArray(value)
          ? value
              .map((item) =>
                field.key === 'phones' ? phoneLine(item as { number: string; label?: string }) : String(item),
              )
              .join('\n')
          : '';
        break;
      case 'json':
        values[field.key] = value === undefined || value === null ? '' : JSON.stringify(value, null, 2);
        break;
      default:
        values[field.key] =
          value === undefined || value === null ? (record ? '' : (field.initial ?? '')) : String(value);
    }
  }
  return values;
}

function phoneLine(phone: { number: string; label?: string }): string {
  return phone.label ? `${phone.number} | ${phone.label}` : phone.number;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The record a form describes, built over the original (so fields the form does not show are kept), plus the
 * fields that could not even be read: malformed JSON (`json`), a choice left empty that must be made (`choose`). The
 * result still has to pass the shared schema.
 */
export function formToRecord(
  kind: NodeKind,
  id: string,
  values: FormValues,
  original: NodeRecord | null,
): { record: Record<string, unknown>; unreadable: { path: string; message: string }[] } {
  const record: Record<string, unknown> = { ...(original ?? {}), id, kind };
  const unreadable: { path: string; message: string }[] = [];
  const address: Record<string, string> = {};
  for (const field of FIELDS_BY_KIND[kind]) {
    const value = values[field.key];
    if (field.key.startsWith('address.')) {
      if (typeof value === 'string' && value.trim()) address[field.key.slice('address.'.length)] = value.trim();
      continue;
    }
    switch (field.input) {
      case 'checkbox':
      case 'checklist':
        record[field.key] = value;
        break;
      case 'lines': {
        const items = lines(String(value ?? ''));
        record[field.key] =
          field.key === 'phones'
            ? items.map((line) => {
                const [number = '', label] = line.split('|').map((part) => part.trim());
                return label ? { number, label } : { number };
              })
            : items;
        break;
      }
      case 'json': {
        const text = String(value ?? '').trim();
        if (!text) {
          record[field.key] = field.key === 'hours' ? [] : field.key === 'eligibility' ? undefined : null;
          break;
        }
        try {
          record[field.key] = JSON.parse(text) as unknown;
        } catch {
          unreadable.push({ path: field.key, message: 'json' });
        }
        break;
      }
      case 'number':
        record[field.key] = String(value).trim() === '' ? undefined : Number(value);
        break;
      case 'date':
        record[field.key] = String(value).trim() === '' ? null : String(value).trim();
        break;
      case 'select':
        if (value === '' && !field.optional) unreadable.push({ path: field.key, message: 'choose' });
        else record[field.key] = field.optional && value === '' ? null : value;
        break;
      default:
        record[field.key] =
          (field.key === 'email' || field.key === 'url') && String(value).trim() === '' ? null : String(value ?? '');
    }
  }
  if (kind === 'actor' || kind === 'service') record.address = Object.keys(address).length > 0 ? address : null;
  for (const [key, value] of Object.entries(record)) if (value === undefined) delete record[key];
  return { record, unreadable };
}

/** The form field an issue belongs to: the longest field key that starts its path (`phones[0].number` → `phones`). */
export function fieldForIssue(kind: NodeKind, path: string): string {
  let best = '';
  for (const field of FIELDS_BY_KIND[kind]) {
    const key = field.key;
    if ((path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) && key.length > best.length)
      best = key;
  }
  if (!best && path.startsWith('address')) return 'address.street';
  return best || (path === 'id' ? 'id' : '');
}

/** A record id from a kind and a name: `actor:legal-aid-of-somewhere`. */
export function suggestId(kind: NodeKind, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${kind}:${slug || 'new'}`;
}

/** A choice's label: actor types, kinds and statuses are translated, other codes shown as words. */
export function optionLabel(t: (key: MessageKey) => string, key: string, option: string): string {
  if (key === 'actorType') return t(`network.actorType.${option}` as MessageKey);
  if (key === 'status') return t(`network.status.${option}` as MessageKey);
  return option.replace(/_/g, ' ');
}
