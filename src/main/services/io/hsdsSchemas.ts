/**
 * The HSDS 3 schemas, loaded from the schema folder (by default the copy shipped in `data/hsds`): the compiled
 * service schema that every exported and imported service must pass, the per-table schemas of the tabular
 * compiled schema for CSV rows, and the datapackage.json that names each table's file and columns.
 *
 * The compiled schemas declare no `$schema`; they are written for JSON Schema draft 7 (they use `definitions`),
 * which is Ajv's default dialect. They carry Frictionless annotations (`name`, `path`, `constraints`, `core`, ...)
 * that Ajv's strict mode would reject as unknown keywords, so those are declared as annotation-only keywords:
 * strict mode stays on for everything else, and a misspelt real keyword still fails loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AtlasError } from '../../../shared/api';
import { englishText, type KeyedMessage } from '../../../shared/i18n';
import type { ImportMessageKey } from '../../../shared/interchange/importPlan';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The non-validating keywords the HSDS compiled schemas carry. */
export const HSDS_ANNOTATION_KEYWORDS = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'example',
  'core',
  'tabular_required',
  'datapackage_type',
  'order',
];

/** Where the HSDS schemas are by default: the copy shipped in the app's data folder (`data/hsds`). */
export function defaultHsdsDir(dataDir: string): string {
  return process.env.REFERRAL_ATLAS_HSDS_DIR ?? resolve(dataDir, 'hsds');
}

/** One problem found by the schema validator. */
export interface SchemaIssue {
  path: string;
  /** ajv's own words (English). */
  message: string;
  /** The same as a message the import wizard translates, for the checks HSDS data fails in practice. */
  keyedMessage?: SchemaMessage;
}

/** The loaded schemas. */
export interface HsdsSchemas {
  dir: string;
  validateService(service: unknown): SchemaIssue[];
  validateOrganization(organization: unknown): SchemaIssue[];
  validateServiceAtLocation(serviceAtLocation: unknown): SchemaIssue[];
  /** Validates one CSV row (typed) of a table; unknown tables have no schema. */
  validateRow(table: string, row: unknown): SchemaIssue[];
  /** Columns and types of each table, from datapackage.json, by table name. */
  tables: Map<string, { path: string; fields: { name: string; type: string }[]; required: string[] }>;
  /** The datapackage.json descriptor, as published. */
  datapackage: { resources: { name: string; path: string }[] } & Record<string, unknown>;
}

/** A schema problem as a message (its values are plain). */
export type SchemaMessage = KeyedMessage<ImportMessageKey> & { params: Record<string, string | number> };

/**
 * ajv's problem as a message the import wizard translates, its English the same as ajv's; null for a check not listed
 * here (its problem is then shown in ajv's words).
 */
function schemaMessage({ keyword, params }: ErrorObject): SchemaMessage | null {
  const said = (key: ImportMessageKey, values: Record<string, string | number> = {}): SchemaMessage => ({
    key,
    params: values,
  });
  const value = (name: string) => String((params as Record<string, unknown>)[name]);
  switch (keyword) {
    case 'required':
      return said('import.schema.required', { property: value('missingProperty') });
    case 'type':
      return said('import.schema.type', { type: value('type') });
    case 'format':
      return said('import.schema.format', { format: value('format') });
    case 'enum':
      return said('import.schema.enum', {
        values: (params as { allowedValues: unknown[] }).allowedValues.join(', '),
      });
    case 'pattern':
      return said('import.schema.pattern', { pattern: value('pattern') });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
      return said(`import.schema.${keyword}`, { limit: value('limit') });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return said('import.schema.compare', { comparison: value('comparison'), limit: value('limit') });
    case 'additionalProperties':
    case 'anyOf':
    case 'oneOf':
      return said(`import.schema.${keyword}`);
    default:
      return null;
  }
}

function issues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((error) => {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(object)';
    const keyedMessage = schemaMessage(error);
    if (keyedMessage) return { path, message: englishText(keyedMessage), keyedMessage };
    return { path, message: error.message ?? 'is invalid' };
  });
}

const cache = new Map<string, HsdsSchemas>();

/** Loads (once per folder) and compiles the HSDS schemas. */
export function loadHsdsSchemas(dir: string): HsdsSchemas {
  const cached = cache.get(dir);
  if (cached) return cached;
  const compiled = join(dir, 'schema', 'compiled');
  if (!existsSync(join(compiled, 'service_with_definitions.json'))) {
    throw new AtlasError(
      'UNAVAILABLE',
      `The HSDS 3 schemas are not at ${dir} (looked for schema/compiled/service_with_definitions.json); set REFERRAL_ATLAS_HSDS_DIR.`,
    );
  }
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_ANNOTATION_KEYWORDS);
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // service_with_definitions.json is the compiled service schema with each object defined once and referenced
  // (103 KB against 2.3 MB fully inlined): the same constraints, compiled in a fraction of the time. The
  // organization and service_at_location schemas exist only fully inlined, so they are compiled on first use.
  const service: ValidateFunction = ajv.compile(read(join(compiled, 'service_with_definitions.json')));
  const lazy = (file: string) => {
    let validate: ValidateFunction | undefined;
    return (value: unknown): SchemaIssue[] => {
      validate ??= ajv.compile(read(join(compiled, file)));
      return validate(value) ? [] : issues(validate.errors);
    };
  };
  const organization = lazy('organization.json');
  const serviceAtLocation = lazy('service_at_location.json');
  const tabular = read(join(compiled, 'tabular.json')) as {
    properties: Record<string, { items: Record<string, unknown> }>;
  };
  const rowValidators = new Map<string, ValidateFunction>();
  const requiredColumns = new Map<string, string[]>();
  for (const [table, schema] of Object.entries(tabular.properties)) {
    // A CSV row holds the table's own columns only: nested arrays and objects live in their own tables.
    const properties = Object.fromEntries(
      Object.entries((schema.items.properties ?? {}) as Record<string, { type?: string }>).filter(
        ([, value]) => value.type !== 'array' && value.type !== 'object',
      ),
    );
    const required = ((schema.items.required ?? []) as string[]).filter((name) => name in properties);
    rowValidators.set(table, ajv.compile({ type: 'object', properties, required }));
    requiredColumns.set(table, required);
  }
  const datapackage = read(join(dir, 'datapackage.json')) as HsdsSchemas['datapackage'];
  const tables: HsdsSchemas['tables'] = new Map();
  for (const resource of datapackage.resources as unknown as {
    name: string;
    path: string;
    schema: { fields: { name: string; type: string }[] };
  }[]) {
    tables.set(resource.name, {
      path: resource.path,
      fields: resource.schema.fields.map((field) => ({ name: field.name, type: field.type })),
      required: requiredColumns.get(resource.name) ?? [],
    });
  }
  const schemas: HsdsSchemas = {
    dir,
    validateService: (value) => (service(value) ? [] : issues(service.errors)),
    validateOrganization: organization,
    validateServiceAtLocation: serviceAtLocation,
    validateRow: (table, row) => {
      const validate = rowValidators.get(table);
      if (!validate) return [];
      return validate(row) ? [] : issues(validate.errors);
    },
    tables,
    datapackage,
  };
  cache.set(dir, schemas);
  return schemas;
}
