// Generators of hostile GraphQL requests, built from the committed schema: documents with
// random selections, aliases and nesting, arguments of the right and the wrong types, huge and
// odd unicode strings, made-up and other accounts' ids, forged cursors, and malformed bodies.
// Shared by test/fuzz.test.ts (small sample) and bench/fuzz.bench.ts (10,000 cases).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../../schema.graphql');

export const loadSchema = (file = SCHEMA_FILE): GraphQLSchema =>
  buildSchema(readFileSync(file, 'utf8'));

/** Values the generators mix in so that requests reach real rows, ours and another account's. */
export interface FuzzPools {
  /** Ids of every kind (keys, roles, members, grants, accounts, users, tokens), of both accounts. */
  ids: string[];
  /** Public key identifiers (`kw-…`), of both accounts. */
  keyIdentifiers: string[];
  /** Emails of existing users, of both accounts. */
  emails: string[];
  /** Resource keys of the catalog. */
  resourceKeys: string[];
  /** Token-shaped canaries: never real tokens. */
  canaryTokens: string[];
}

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Auth = 'owner' | 'anonymous' | 'key' | 'badKey';

/** A GraphQL request through the normal JSON POST transport. */
export interface DocumentCase {
  kind: 'document';
  operation: 'query' | 'mutation';
  /** Root fields selected (several when aliased or mixed). */
  rootFields: string[];
  /** How many root selections (aliases) the operation has; 0 when not known. */
  rootSelections: number;
  document: string;
  variables: JsonValue;
  auth: Auth;
}

/** A request malformed at the HTTP or JSON level. */
export interface RawCase {
  kind: 'raw';
  method: 'GET' | 'POST';
  /** Query string for GET (without `?`). */
  search: string;
  contentType: string | null;
  body: string | null;
  /** Sends `apollo-require-preflight` (CSRF prevention accepts it). */
  preflight: boolean;
  auth: Auth;
}

export type FuzzCase = DocumentCase | RawCase;

// ---------------------------------------------------------------- strings

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];
const ODD_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  'مفتاح API',
  'מפתח',
  '🔑',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈'.repeat(30),
  'e\u0301\u0301\u0301',
  '\ufeffBOM',
  '\u200b\u200d\u2060',
  'Ω≈ç√∫',
  '%',
  '_',
  '!',
  '\\',
  '%_!\\%',
  "' OR '1'='1",
  '"; DROP TABLE api_keys; --',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  'true',
  'kw-',
  'kw-fuzz-',
  'kwt_',
];

const huge = (max: number): fc.Arbitrary<string> =>
  fc
    .record({
      length: fc.integer({ min: 101, max }),
      chunk: fc.constantFrom('a', 'é', '🔑', '\u0000', ' ', '%', 'x\ud800'),
    })
    .map(({ length, chunk }) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors: random base64, base64 of JSON of every shape, and near-valid keyset cursors. */
export const cursorArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.base64String({ maxLength: 60 }),
  fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.json({ maxDepth: 3 }).map(base64url),
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.record({
          d: fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.date().map((d) => String(d)),
          ),
        }),
        fc.date({ noInvalidDate: true }).map((d) => ({ d: d.toISOString() })),
        fc.constant({ d: '9999-99-99T99:99:99Z' }),
        fc.constant({ d: 1 }),
        fc.constant([[]]),
      ),
      { maxLength: 4 },
    )
    .map((values) => base64url(JSON.stringify(values))),
  huge(5_000).map(base64url),
);

export const stringArbitrary = (pools: FuzzPools): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...LONE_SURROGATES))
        .map(([a, b]) => a + b),
    },
    { weight: 1, arbitrary: huge(110_000) },
    { weight: 1, arbitrary: huge(2_000) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.keyIdentifiers) },
    { weight: 1, arbitrary: fc.constantFrom(...pools.emails) },
    { weight: 1, arbitrary: fc.constantFrom(...pools.canaryTokens) },
    { weight: 1, arbitrary: cursorArbitrary },
    { weight: 1, arbitrary: fc.uuid() },
    // Valid-shaped but long: the database columns have limits of their own.
    { weight: 1, arbitrary: longEmail() },
    { weight: 1, arbitrary: longUrl() },
  );

/** An email the server's pattern accepts, 5 to 300 characters long. */
export const longEmail = (): fc.Arbitrary<string> =>
  fc
    .record({ local: fc.integer({ min: 1, max: 240 }), unicode: fc.boolean() })
    .map(({ local, unicode }) => `${(unicode ? 'é' : 'a').repeat(local)}@fuzz.test`);

/** An http(s) URL up to 2,000 characters long. */
export const longUrl = (): fc.Arbitrary<string> =>
  fc
    .record({ length: fc.integer({ min: 1, max: 2_000 }), https: fc.boolean() })
    .map(
      ({ length, https }) => `${https ? 'https' : 'http'}://hooks.fuzz.test/${'p'.repeat(length)}`,
    );

/** Strings shaped for the field they go to (by its name), so that validation lets them through. */
export const hintedString = (pools: FuzzPools, hint: string): fc.Arbitrary<string> => {
  const generic = stringArbitrary(pools);
  const shaped = (arbitrary: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 1, arbitrary }, { weight: 1, arbitrary: generic });
  if (/email|recipient/i.test(hint))
    return shaped(fc.oneof(longEmail(), fc.constantFrom(...pools.emails)));
  if (/url/i.test(hint)) return shaped(longUrl());
  if (/token|password/i.test(hint)) {
    return shaped(
      fc.oneof(
        fc.constantFrom(...pools.canaryTokens),
        huge(400),
        fc.string({ minLength: 12, maxLength: 40 }),
      ),
    );
  }
  if (/^key$/i.test(hint)) return shaped(fc.constantFrom(...pools.keyIdentifiers));
  if (/name|search|actor|action/i.test(hint)) {
    return shaped(
      fc.oneof(
        fc.integer({ min: 90, max: 130 }).map((length) => 'n'.repeat(length)),
        fc.integer({ min: 40, max: 110 }).map((length) => '🔑'.repeat(length)),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
      ),
    );
  }
  return generic;
};

// ---------------------------------------------------------------- values by type

/**
 * 1 while building hostile arbitraries (wrong types, missing or unknown fields, unknown
 * selections), 0 while building well-typed ones that reach the resolvers. Read at construction.
 */
let hostility = 1;

type Weighted<T> = { weight: number; arbitrary: fc.Arbitrary<T> };

/** `fc.oneof` without the alternatives whose weight is 0 in this mode. */
const weighted = <T>(...entries: Weighted<T>[]): fc.Arbitrary<T> =>
  fc.oneof(...entries.filter((entry) => entry.weight > 0));

const wrongValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.json({ maxDepth: 2 }).map((text) => JSON.parse(text) as JsonValue),
  fc.constantFrom<JsonValue>(null, true, 0, -1, 1.5, 2 ** 31, 1e300, '', [], {}, [[]], { a: 1 }),
);

const intArbitrary = (): fc.Arbitrary<JsonValue> =>
  weighted<JsonValue>(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 120 }) },
    { weight: 2, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.constantFrom<JsonValue>(0, -1, 2 ** 31 - 1, -(2 ** 31)) },
    {
      weight: 2 * hostility,
      arbitrary: fc.constantFrom<JsonValue>(2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, 1e21, '5'),
    },
  );

const MAX_INPUT_DEPTH = 4;

/** A value for an input type: usually valid-shaped, sometimes of the wrong type. */
export const valueFor = (
  type: GraphQLInputType,
  pools: FuzzPools,
  depth = 0,
  hint = '',
): fc.Arbitrary<JsonValue> => {
  const valid = validValueFor(type, pools, depth, hint);
  return weighted({ weight: 8, arbitrary: valid }, { weight: hostility, arbitrary: wrongValue });
};

const validValueFor = (
  type: GraphQLInputType,
  pools: FuzzPools,
  depth: number,
  hint: string,
): fc.Arbitrary<JsonValue> => {
  if (isNonNullType(type)) {
    return weighted(
      { weight: 12, arbitrary: valueFor(type.ofType, pools, depth, hint) },
      { weight: hostility, arbitrary: fc.constant(null) },
    );
  }
  if (isListType(type)) {
    const item = valueFor(type.ofType, pools, depth + 1, hint);
    return weighted(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: 200 }) },
      { weight: 1, arbitrary: item.map((value) => value) },
      { weight: hostility, arbitrary: fc.constant(null) },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > MAX_INPUT_DEPTH) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<JsonValue>> = {};
    for (const field of fields)
      model[field.name] = valueFor(field.type, pools, depth + 1, field.name);
    const required = fields.filter((field) => isNonNullType(field.type)).map((f) => f.name);
    const record = weighted(
      { weight: 5, arbitrary: fc.record(model, { requiredKeys: required }) },
      { weight: 2 * hostility, arbitrary: fc.record(model, { requiredKeys: [] }) },
    );
    const extraField = fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), wrongValue);
    return fc
      .tuple(record, hostility ? fc.option(extraField) : fc.constant(null))
      .map(([value, extra]): JsonValue => {
        const object: Record<string, JsonValue> = {};
        for (const [key, entry] of Object.entries(value))
          if (entry !== undefined) object[key] = entry;
        if (extra) object[extra[0]] = extra[1];
        return object;
      });
  }
  if (isEnumType(type)) {
    return weighted<JsonValue>(
      { weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: hostility, arbitrary: fc.constantFrom('active', 'NOPE', '', 'ACTIVE ') },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return intArbitrary();
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return weighted<JsonValue>(
          { weight: 5, arbitrary: fc.boolean() },
          { weight: hostility, arbitrary: fc.constant('true') },
        );
      case 'DateTimeISO':
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.constantFrom(
            '2025-02-30T00:00:00Z',
            '0000-01-01T00:00:00Z',
            '9999-12-31T23:59:59.999Z',
            'now',
            '',
          ),
          stringArbitrary(pools),
        );
      case 'ID':
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pools.ids) },
          { weight: 1, arbitrary: fc.constantFrom(...pools.resourceKeys) },
          { weight: 1, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.integer() },
          { weight: 2, arbitrary: stringArbitrary(pools) },
        );
      default:
        return hintedString(pools, hint);
    }
  }
  return wrongValue;
};

// ---------------------------------------------------------------- printing literals

/** A JSON value as a GraphQL literal; strings in enum positions print bare when they can. */
export const printLiteral = (value: JsonValue, type?: GraphQLInputType): string => {
  const named = type ? getNamedType(type) : undefined;
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const item = type && isListType(unwrapNonNull(type)) ? listItem(type) : undefined;
    return `[${value.map((entry) => printLiteral(entry, item)).join(', ')}]`;
  }
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  const entries = Object.entries(value)
    .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
    .map(([key, entry]) => `${key}: ${printLiteral(entry, fields[key]?.type)}`);
  return `{${entries.join(', ')}}`;
};

const unwrapNonNull = (type: GraphQLInputType): GraphQLInputType =>
  isNonNullType(type) ? type.ofType : type;

const listItem = (type: GraphQLInputType): GraphQLInputType | undefined => {
  const inner = unwrapNonNull(type);
  return isListType(inner) ? inner.ofType : undefined;
};

// ---------------------------------------------------------------- documents

interface ArgumentPlan {
  text: string;
  variable?: { name: string; declared: string; value: JsonValue; omitted: boolean };
}

/** One argument passed as a variable (right or wrong declared type), inline, or omitted. */
const argumentArbitrary = (
  argument: GraphQLArgument,
  pools: FuzzPools,
  prefix: string,
): fc.Arbitrary<ArgumentPlan | null> => {
  const value = valueFor(argument.type, pools, 0, argument.name);
  const name = `${prefix}_${argument.name}`;
  return weighted<ArgumentPlan | null>(
    {
      weight: 6,
      arbitrary: fc
        .record({
          value,
          declared: weighted(
            { weight: 8, arbitrary: fc.constant(String(argument.type)) },
            {
              weight: hostility,
              arbitrary: fc.constantFrom('String', 'Int!', 'ID', '[ID!]!', 'Boolean'),
            },
          ),
          omitted: weighted(
            { weight: 12, arbitrary: fc.constant(false) },
            { weight: hostility, arbitrary: fc.constant(true) },
          ),
        })
        .map((plan): ArgumentPlan => ({
          text: `${argument.name}: $${name}`,
          variable: { name, declared: plan.declared, value: plan.value, omitted: plan.omitted },
        })),
    },
    {
      weight: 2,
      arbitrary: value.map((v) => ({
        text: `${argument.name}: ${printLiteral(v, argument.type)}`,
      })),
    },
    { weight: isNonNullType(argument.type) ? hostility : 1, arbitrary: fc.constant(null) },
  );
};

interface Selection {
  text: string;
  variables: NonNullable<ArgumentPlan['variable']>[];
}

const MAX_SELECTION_DEPTH = 4;
let prefixCounter = 0;

const fieldArbitrary = (
  field: GraphQLField<unknown, unknown>,
  pools: FuzzPools,
  depth: number,
): fc.Arbitrary<Selection> => {
  const prefix = `v${(prefixCounter += 1)}`;
  const args = field.args.map((argument) => argumentArbitrary(argument, pools, prefix));
  const sub = selectionSetArbitrary(field.type, pools, depth + 1);
  return fc
    .record({
      // Distinct per field: siblings sharing an alias would only test the validator.
      alias: fc.option(fc.constantFrom(`${field.name}A`, `_${field.name}`), { freq: 8 }),
      args: fc.tuple(...args),
      sub,
    })
    .map(({ alias, args: planned, sub: selection }) => {
      const present = planned.filter((plan): plan is ArgumentPlan => plan !== null);
      const argText = present.length ? `(${present.map((plan) => plan.text).join(', ')})` : '';
      return {
        text: `${alias ? `${alias}: ` : ''}${field.name}${argText}${selection.text}`,
        variables: [
          ...present.flatMap((plan) => (plan.variable ? [plan.variable] : [])),
          ...selection.variables,
        ],
      };
    });
};

const objectFields = (type: GraphQLNamedType): GraphQLField<unknown, unknown>[] =>
  isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];

/** A random non-empty selection of an output type (with `__typename` and unknown fields now and then). */
export const selectionSetArbitrary = (
  type: GraphQLOutputType,
  pools: FuzzPools,
  depth = 0,
): fc.Arbitrary<Selection> => {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) {
    return weighted(
      { weight: 20, arbitrary: fc.constant<Selection>({ text: '', variables: [] }) },
      {
        weight: hostility,
        arbitrary: fc.constant<Selection>({ text: ' { nope }', variables: [] }),
      },
    );
  }
  if (isUnionType(named) || depth > MAX_SELECTION_DEPTH) {
    return fc.constant({ text: ' { __typename }', variables: [] });
  }
  const fields = objectFields(named);
  const choices = fields.map((field) => fieldArbitrary(field, pools, depth));
  const extras = fc.subarray(
    ['__typename', ...(hostility ? ['unknownField'] : []), `... on ${named.name} { __typename }`],
    {
      maxLength: 1,
    },
  );
  return fc
    .record({
      picked: fc.subarray(
        choices.map((_, index) => index),
        { minLength: 1, maxLength: Math.min(choices.length, 4) },
      ),
      extras: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: extras },
      ),
    })
    .chain(({ picked, extras: extraFields }) =>
      fc
        .tuple(...picked.map((index) => choices[index] as fc.Arbitrary<Selection>))
        .map((parts) => ({
          text: ` { ${[...parts.map((part) => part.text), ...extraFields].join(' ')} }`,
          variables: parts.flatMap((part) => part.variables),
        })),
    );
};

/** Mutations that are expensive (password hashing) or create users get few aliases. */
const FEW_ALIASES = new Set([
  'signIn',
  'setPassword',
  'inviteMember',
  'acceptInvitation',
  'revealSingleAccessLink',
]);
/** Ends the session the fuzzer runs as; exercised anonymously only. */
export const SESSION_ENDING = new Set(['signOut']);

const authArbitrary: fc.Arbitrary<Auth> = fc.constantFrom(
  'owner',
  'owner',
  'anonymous',
  'key',
  'badKey',
);

/** One root field of Query or Mutation, with a random selection, arguments and aliases. */
export const documentCaseArbitrary = (
  schema: GraphQLSchema,
  pools: FuzzPools,
  operation: 'query' | 'mutation',
  { hostile = true }: { hostile?: boolean } = {},
): fc.Arbitrary<DocumentCase> => {
  const previous = hostility;
  hostility = hostile ? 1 : 0;
  try {
    return buildDocumentCase(schema, pools, operation);
  } finally {
    hostility = previous;
  }
};

/** Well-typed documents three times in four (they reach the resolvers), hostile ones otherwise. */
export const mixedDocumentCaseArbitrary = (
  schema: GraphQLSchema,
  pools: FuzzPools,
  operation: 'query' | 'mutation',
): fc.Arbitrary<DocumentCase> =>
  fc.oneof(
    { weight: 3, arbitrary: documentCaseArbitrary(schema, pools, operation, { hostile: false }) },
    { weight: 1, arbitrary: documentCaseArbitrary(schema, pools, operation, { hostile: true }) },
  );

const buildDocumentCase = (
  schema: GraphQLSchema,
  pools: FuzzPools,
  operation: 'query' | 'mutation',
): fc.Arbitrary<DocumentCase> => {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) throw new Error(`the schema has no ${operation} type`);
  const fields = Object.values(root.getFields());
  // Built now, while `hostility` holds this mode (chain callbacks run later).
  const selections = new Map(fields.map((field) => [field.name, fieldArbitrary(field, pools, 0)]));
  return fc
    .record({
      field: fc.constantFrom(...fields),
      auth: authArbitrary,
      copies: fc.oneof(
        { weight: 20, arbitrary: fc.constant(1) },
        { weight: 2, arbitrary: fc.integer({ min: 2, max: 8 }) },
        { weight: 1, arbitrary: fc.integer({ min: 20, max: 120 }) },
      ),
    })
    .chain(({ field, auth, copies }) => {
      const count = FEW_ALIASES.has(field.name) ? Math.min(copies, 3) : copies;
      const safeAuth: Auth =
        SESSION_ENDING.has(field.name) && auth === 'owner' ? 'anonymous' : auth;
      return fc
        .tuple(
          selections.get(field.name) as fc.Arbitrary<Selection>,
          fc.option(fc.constantFrom('Op', 'op_1', '_'), { freq: 2 }),
        )
        .map(([selection, name]): DocumentCase => {
          const body =
            count === 1
              ? selection.text
              : Array.from(
                  { length: count },
                  (_, i) => `k${i}: ${selection.text.replace(/^\w+: /, '')}`,
                ).join('\n');
          const declared = selection.variables
            .map((variable) => `$${variable.name}: ${variable.declared}`)
            .join(', ');
          const variables: Record<string, JsonValue> = {};
          for (const variable of selection.variables) {
            if (!variable.omitted) variables[variable.name] = variable.value;
          }
          const header = `${operation}${name ? ` ${name}` : ''}${declared ? `(${declared})` : ''}`;
          return {
            kind: 'document',
            operation,
            rootFields: [field.name],
            rootSelections: count,
            document: `${header} {\n${body}\n}`,
            variables,
            auth: safeAuth,
          };
        });
    });
};

/** Deep nesting through introspection, and wide documents of many aliases or fragments. */
export const abusiveDocumentArbitrary: fc.Arbitrary<DocumentCase> = fc
  .record({
    shape: fc.constantFrom('introspection', 'aliases', 'fragments', 'depth', 'directives'),
    size: fc.integer({ min: 5, max: 400 }),
    auth: authArbitrary,
  })
  .map(({ shape, size, auth }): DocumentCase => {
    let document: string;
    switch (shape) {
      case 'introspection': {
        let inner = 'name';
        for (let i = 0; i < Math.min(size, 120); i++) inner = `ofType { ${inner} }`;
        document = `{ __schema { types { fields { type { ${inner} } } } } }`;
        break;
      }
      case 'aliases':
        document = `{ ${Array.from({ length: size }, (_, i) => `a${i}: me { kind resources }`).join(' ')} }`;
        break;
      case 'fragments':
        document = `{ ...F0 } ${Array.from(
          { length: Math.min(size, 60) },
          (_, i) => `fragment F${i} on Query { me { kind } ...F${i + 1} }`,
        ).join(' ')} fragment F${Math.min(size, 60)} on Query { __typename }`;
        break;
      case 'depth': {
        let inner = 'key';
        for (let i = 0; i < Math.min(size, 200); i++) inner = `... on ApiKey { ${inner} }`;
        document = `{ generatedKeys(first: 100) { edges { node { ${inner} } } } }`;
        break;
      }
      default:
        document = `{ me ${'@include(if: true) '.repeat(Math.min(size, 300))}{ kind } }`;
    }
    return {
      kind: 'document',
      operation: 'query',
      rootFields: [],
      rootSelections: 0,
      document,
      variables: {},
      auth,
    };
  });

/** Broken documents: random text, truncated or shuffled valid ones. */
export const brokenDocumentArbitrary = (
  schema: GraphQLSchema,
  pools: FuzzPools,
): fc.Arbitrary<DocumentCase> =>
  fc.oneof(
    fc
      .record({ text: fc.string({ maxLength: 200 }), auth: authArbitrary })
      .map(({ text, auth }) => ({
        kind: 'document' as const,
        operation: 'query' as const,
        rootFields: [],
        rootSelections: 0,
        document: text,
        variables: {},
        auth,
      })),
    fc
      .tuple(
        documentCaseArbitrary(schema, pools, 'query'),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([valid, cut]) => ({
        ...valid,
        document: valid.document.slice(0, Math.floor(valid.document.length * cut)),
      })),
  );

/** Requests malformed below GraphQL: methods, content types, bodies that are not GraphQL requests. */
export const rawCaseArbitrary: fc.Arbitrary<RawCase> = fc
  .record({
    method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST', 'POST'),
    search: fc.oneof(
      fc.constant(''),
      fc.constant('query=%7B__typename%7D'),
      fc.constant('query=mutation%7BsignOut%7BsignedOut%7D%7D'),
      fc.string({ maxLength: 60 }).map((text) => `query=${encodeURIComponent(text)}`),
      fc.constant('query=%7Bme%7Bkind%7D%7D&variables=%7Bnot-json'),
      fc.constant(
        'extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22abc%22%7D%7D',
      ),
    ),
    contentType: fc.constantFrom<string | null>(
      'application/json',
      'application/json; charset=utf-8',
      'application/graphql-response+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      null,
    ),
    body: fc.oneof(
      fc.constant<string | null>(null),
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '[]',
        '[{"query":"{__typename}"},{"query":"{__typename}"}]',
        '{"query":1}',
        '{"query":"{__typename}","variables":"x"}',
        '{"query":"{__typename}","variables":[]}',
        '{"query":"{__typename}","operationName":5}',
        '{"query":"{__typename}","extensions":"x"}',
        '{"query":"query A{__typename} query B{__typename}"}',
        '{"query":"query A{__typename} query B{__typename}","operationName":"C"}',
        '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000"}}}',
        '{"query":"{__typename}"',
        '\u0000\u0001\u0002',
        '{"__proto__":{"query":"{__typename}"}}',
      ),
      huge(120_000).map((text) =>
        JSON.stringify({ query: `{ __typename }`, variables: { pad: text } }),
      ),
    ),
    preflight: fc.boolean(),
    auth: authArbitrary,
  })
  .map((raw): RawCase => ({ kind: 'raw', ...raw, body: raw.method === 'GET' ? null : raw.body }));

/** Everything, weighted toward schema-driven documents. */
export const fuzzCaseArbitrary = (
  schema: GraphQLSchema,
  pools: FuzzPools,
): fc.Arbitrary<FuzzCase> =>
  fc.oneof(
    { weight: 6, arbitrary: mixedDocumentCaseArbitrary(schema, pools, 'query') },
    { weight: 8, arbitrary: mixedDocumentCaseArbitrary(schema, pools, 'mutation') },
    { weight: 1, arbitrary: abusiveDocumentArbitrary },
    { weight: 1, arbitrary: brokenDocumentArbitrary(schema, pools) },
    { weight: 1, arbitrary: rawCaseArbitrary },
  );
