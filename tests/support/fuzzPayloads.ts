/**
 * Test support for the IPC fuzzer: seeded generators of hostile payloads for any contract method. Each method's
 * input schema (zod, converted to JSON Schema) gives a near-valid sample, which is then broken in one to three
 * places, so the payloads get past the first shape check and reach deeper validation and the handlers; pure junk,
 * prototype-pollution keys, huge strings, deep nesting and JSON's NaN/Infinity-like values are mixed in.
 */
import { z } from 'zod';
import type { Random } from '../../src/shared/synthetic/random';

/** A JSON Schema node (the subset zod emits). */
type Schema = Record<string, unknown>;

/** What the generators draw strings from before inventing one: real ids and values that mean something. */
export interface StringPool {
  /** Strings known to the app (record ids, names) so that near-valid samples hit real records. */
  known: string[];
  /** Absolute paths inside a sandbox folder: the only paths a sample may name, so a valid-by-chance export stays there. */
  sandboxPaths: string[];
}

/** The kinds of payload the fuzzer sends. */
export type PayloadKind = 'junk' | 'pollution' | 'mutated' | 'sample';

const NUMBER_EDGES = [NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 1, 1e-320, -1, 0.5];
const JSONISH_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', 'null', 'undefined', 'true', '[]', '{}', ''];
const NASTY_STRINGS = [
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  "'; DROP TABLE nodes; --",
  '%00',
  '\u0000',
  '\ud800',
  '\u202e',
  '<script>alert(1)</script>',
  '=HYPERLINK("https://evil.example")',
  'https://evil.example/',
  'file:///etc/passwd',
  ' ',
  'é'.repeat(300),
];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** The input schema of a method as JSON Schema (what is not representable becomes "anything"). */
export function inputJsonSchema(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
}

/** A fresh object with an own property named like a prototype key (what JSON.parse makes of `{"__proto__": ...}`). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** A pollution payload value: `{ "__proto__": { "polluted": "yes" } }` and its relatives, as JSON would deliver them. */
export function pollutionValue(random: Random): unknown {
  const key = random.pick(POLLUTION_KEYS);
  if (key === 'constructor') return JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}');
  return withOwnKey({}, key, { polluted: 'yes', toString: 'no', valueOf: 'no' });
}

/** A deeply nested array or object (depth 50 to 5,000): more than any schema expects. */
export function deepValue(random: Random): unknown {
  const depth = random.int(50, 5_000);
  const asArray = random.chance(0.5);
  let value: unknown = random.pick(['leaf', 1, null]);
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** A string of 64 KiB to 4 MiB. */
export function hugeString(random: Random): string {
  return random.pick(['A', 'é', 'actor:', '\u0000', ' ']).repeat(random.int(64 * 1024, (4 * 1024 * 1024) / 6));
}

/** Any value of a random type: what a compromised renderer might send where anything is expected. */
export function junkValue(random: Random, pool: StringPool): unknown {
  switch (random.int(0, 16)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return random.pick(NUMBER_EDGES);
    case 3:
      return random.int(-1e6, 1e6);
    case 4:
      return random.chance(0.5);
    case 5:
      return random.pick([...NASTY_STRINGS, ...JSONISH_STRINGS]);
    case 6:
      return random.pick(pool.known);
    case 7:
      return hugeString(random);
    case 8:
      return deepValue(random);
    case 9:
      return pollutionValue(random);
    case 10:
      return Array.from({ length: random.int(0, 5) }, () => random.pick([1, 'x', null, {}]));
    case 11:
      return BigInt(random.int(0, 1e6)) * 10n ** 30n;
    case 12:
      return new Date(random.pick([0, NaN, 8.64e15]));
    case 13:
      return new Map([['id', random.pick(pool.known)]]);
    case 14:
      return new Set([1, 2, 3]);
    case 15:
      return new Uint8Array(random.int(0, 4096));
    default:
      return { [random.pick(['id', 'record', 'x', 'format', 'url'])]: random.pick(pool.known) };
  }
}

/** A string meeting a JSON Schema string node when the generator can manage it (pool, format, simple pattern). */
function sampleString(node: Schema, random: Random, pool: StringPool, key: string): string {
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : 80;
  const pattern = typeof node.pattern === 'string' ? new RegExp(node.pattern) : null;
  const fits = (value: string) => value.length >= min && value.length <= max && (!pattern || pattern.test(value));
  if (/^(path|out|file|folder|dir)$/i.test(key)) {
    const path = random.pick(pool.sandboxPaths);
    if (fits(path)) return path;
  }
  if (node.format === 'date-time') return new Date(Date.UTC(2026, random.int(0, 11), random.int(1, 28))).toISOString();
  if (node.format === 'date') return `2026-0${random.int(1, 9)}-1${random.int(0, 9)}`;
  if (node.format === 'email') return 'intake@example.org';
  if (node.format === 'uri' || node.format === 'url') return 'https://example.org/';
  const candidates = pool.known.filter(fits);
  if (candidates.length > 0 && random.chance(0.8)) return random.pick(candidates);
  if (pattern) {
    const made = stringFromPattern(node.pattern as string, random);
    if (made !== null && fits(made)) return made;
  }
  const length = Math.max(min, Math.min(max, random.int(min, min + 12)));
  return Array.from({ length }, () => random.pick([...'abcdefghij-: ', 'x'])).join('');
}

/**
 * A string matching a simple regular expression (anchors, literals, escapes, classes, groups with alternation,
 * quantifiers), or null when the pattern uses anything else. Enough for the id and code patterns of the contract.
 */
export function stringFromPattern(source: string, random: Random): string | null {
  let position = 0;
  const fail = (): never => {
    throw new Error('unsupported pattern');
  };
  const classOf = (escape: string): string => {
    if (escape === 'd') return '0123456789';
    if (escape === 'w') return 'abcdefghijklmnopqrstuvwxyz0123456789_';
    if (escape === 's') return ' ';
    return escape;
  };
  const atom = (): (() => string) => {
    const char = source[position++] ?? fail();
    if (char === '(') {
      if (source.startsWith('?:', position)) position += 2;
      const branches = alternation();
      if (source[position++] !== ')') fail();
      return () => random.pick(branches)();
    }
    if (char === '[') {
      const chars: string[] = [];
      if (source[position] === '^') fail();
      while (source[position] !== ']') {
        let start = source[position++] ?? fail();
        if (start === '\\') start = classOf(source[position++] ?? fail());
        if (start.length > 1) {
          chars.push(...start);
          continue;
        }
        if (source[position] === '-' && source[position + 1] !== ']') {
          const end = source[position + 1] ?? fail();
          position += 2;
          for (let code = start.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
        } else chars.push(start);
      }
      position++;
      return () => random.pick(chars);
    }
    if (char === '\\') {
      const set = classOf(source[position++] ?? fail());
      return () => random.pick([...set]);
    }
    if ('.*+?{}|)$^'.includes(char)) fail();
    return () => char;
  };
  const quantified = (): (() => string) => {
    const make = atom();
    const next = source[position];
    let low = 1;
    let high = 1;
    if (next === '*' || next === '+' || next === '?') {
      position++;
      low = next === '+' ? 1 : 0;
      high = next === '?' ? 1 : 4;
    } else if (next === '{') {
      const close = source.indexOf('}', position);
      const [a = '', b] = source.slice(position + 1, close).split(',');
      low = Number(a);
      high = b === undefined ? low : b === '' ? low + 4 : Number(b);
      position = close + 1;
    }
    return () => {
      const times = random.int(low, Math.min(high, low + 6));
      return Array.from({ length: times }, make).join('');
    };
  };
  const sequence = (): (() => string) => {
    const parts: (() => string)[] = [];
    while (position < source.length && source[position] !== '|' && source[position] !== ')') {
      if (source[position] === '^' || source[position] === '$') {
        position++;
        continue;
      }
      parts.push(quantified());
    }
    return () => parts.map((part) => part()).join('');
  };
  const alternation = (): (() => string)[] => {
    const branches = [sequence()];
    while (source[position] === '|') {
      position++;
      branches.push(sequence());
    }
    return branches;
  };
  try {
    const branches = alternation();
    if (position !== source.length) return null;
    return random.pick(branches)();
  } catch {
    return null;
  }
}

/** A near-valid value for a JSON Schema node: what a well-behaved renderer would most likely send. */
export function sampleValue(
  node: Schema,
  root: Schema,
  random: Random,
  pool: StringPool,
  key = '',
  depth = 0,
): unknown {
  if (depth > 12) return null;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').pop() ?? '';
    const definitions = (root.$defs ?? root.definitions ?? {}) as Record<string, Schema>;
    return sampleValue(definitions[name] ?? {}, root, random, pool, key, depth + 1);
  }
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return random.pick(node.enum);
  const union = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
  if (union) return sampleValue(random.pick(union), root, random, pool, key, depth + 1);
  if (Array.isArray(node.allOf)) return sampleValue(node.allOf[0] as Schema, root, random, pool, key, depth + 1);
  const type = Array.isArray(node.type) ? random.pick(node.type as string[]) : node.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      const required = new Set((node.required ?? []) as string[]);
      for (const [name, child] of Object.entries(properties)) {
        if (required.has(name) || random.chance(0.4)) {
          out[name] = sampleValue(child, root, random, pool, name, depth + 1);
        }
      }
      if (typeof node.additionalProperties === 'object' && random.chance(0.5)) {
        out[random.pick(pool.known)] = sampleValue(
          node.additionalProperties as Schema,
          root,
          random,
          pool,
          '',
          depth + 1,
        );
      }
      return out;
    }
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      const max = typeof node.maxItems === 'number' ? node.maxItems : min + 3;
      const length = random.int(min, Math.min(max, min + 3));
      const prefix = (node.prefixItems ?? []) as Schema[];
      return Array.from({ length: Math.max(length, prefix.length) }, (_, index) =>
        sampleValue(prefix[index] ?? (node.items as Schema) ?? {}, root, random, pool, key, depth + 1),
      );
    }
    case 'string':
      return sampleString(node, random, pool, key);
    case 'integer':
    case 'number': {
      const low =
        typeof node.minimum === 'number'
          ? node.minimum
          : typeof node.exclusiveMinimum === 'number'
            ? node.exclusiveMinimum + 1
            : -5;
      const high =
        typeof node.maximum === 'number'
          ? node.maximum
          : typeof node.exclusiveMaximum === 'number'
            ? node.exclusiveMaximum - 1
            : 100;
      const value = random.int(Math.ceil(low), Math.floor(Math.min(high, low + 50)));
      return type === 'number' && random.chance(0.3) ? value + 0.5 : value;
    }
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    default:
      return random.pick(pool.known);
  }
}

/** Every place in a value where a mutation can land: the root, each property and each array element. */
function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = [], depth = 0) {
  out.push(path);
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return out;
  if (Array.isArray(value))
    value.slice(0, 5).forEach((item, index) => placesIn(item, [...path, index], out, depth + 1));
  else for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], out, depth + 1);
  return out;
}

function replaceAt(root: unknown, path: (string | number)[], change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const next = change(parent[last]);
  if (next === DROP) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return root;
}

const DROP = Symbol('drop');

/** Breaks a near-valid value in one place: wrong type, missing, extra key, huge, NaN-like, array for object, deep, polluted. */
function mutate(value: unknown, random: Random, pool: StringPool): unknown {
  const path = random.pick(placesIn(value));
  return replaceAt(value, path, (old) => {
    switch (random.int(0, 9)) {
      case 0:
        return junkValue(random, pool);
      case 1:
        return path.length > 0 ? DROP : undefined;
      case 2:
        if (old && typeof old === 'object' && !Array.isArray(old)) {
          return { ...old, [random.pick(['extra', 'isAdmin', 'sql', 'then'])]: random.pick(NASTY_STRINGS) };
        }
        return { value: old };
      case 3:
        return hugeString(random);
      case 4:
        return random.pick(NUMBER_EDGES);
      case 5:
        return random.pick(JSONISH_STRINGS);
      case 6:
        return old && typeof old === 'object' && !Array.isArray(old) ? Object.values(old) : [old];
      case 7:
        return deepValue(random);
      case 8:
        return old && typeof old === 'object' && !Array.isArray(old)
          ? withOwnKey({ ...old }, random.pick(POLLUTION_KEYS), { polluted: 'yes' })
          : pollutionValue(random);
      default:
        return typeof old === 'string' ? old + random.pick(NASTY_STRINGS) : random.pick(NASTY_STRINGS);
    }
  });
}

/**
 * One payload for a method: its kind and the value to send. `allowSamples` false turns the (valid-looking) samples
 * into mutated ones, so a method whose valid calls are slow (a full export) is not run for real again and again.
 */
export function makePayload(
  schema: Schema,
  random: Random,
  pool: StringPool,
  allowSamples = true,
): { kind: PayloadKind; value: unknown } {
  const roll = random.next();
  if (roll < 0.2) return { kind: 'junk', value: junkValue(random, pool) };
  if (roll < 0.3) {
    const base = sampleValue(schema, schema, random, pool);
    const value =
      base && typeof base === 'object' && !Array.isArray(base)
        ? withOwnKey(base as Record<string, unknown>, random.pick(POLLUTION_KEYS), pollutionValue(random))
        : pollutionValue(random);
    return { kind: 'pollution', value };
  }
  let value = sampleValue(schema, schema, random, pool);
  if (roll < 0.36 && allowSamples) return { kind: 'sample', value };
  const mutations = random.int(1, 3);
  for (let i = 0; i < mutations; i++) value = mutate(value, random, pool);
  return { kind: 'mutated', value };
}

/** A short, bounded description of a payload for a failure message. */
export function describePayload(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'bigint' ? `${item}n` : typeof item === 'number' && !Number.isFinite(item) ? String(item) : item,
    );
    return text === undefined
      ? String(value)
      : text.length > 300
        ? `${text.slice(0, 300)}… (${text.length} chars)`
        : text;
  } catch (error) {
    return `<unprintable: ${(error as Error).message}>`;
  }
}
