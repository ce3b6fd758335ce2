import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  isObjectType,
  type GraphQLSchema,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import type { LimitCode } from '@keyward/shared';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/keyset.js';

/**
 * Every limit on a GraphQL document refuses it with its own code and a message naming the
 * limit, never its value: clients can tell what to change without learning the bounds.
 */
export const LIMIT_MESSAGES = {
  QUERY_TOO_DEEP: 'The query nests selections too deeply: flatten it.',
  QUERY_TOO_COSTLY: 'The query asks for too much at once: request smaller pages or fewer fields.',
  TOO_MANY_ALIASES: 'The query uses too many aliases: split it.',
  TOO_MANY_TOKENS: 'The query document is too long: split it.',
  TOO_MANY_DIRECTIVES: 'The query uses too many directives: split it.',
} as const satisfies Record<LimitCode, string>;
export type { LimitCode };

export const MAX_TOKENS = 2000;
/**
 * Calibrated on the app's own heaviest document (a Generated-tab page with everything a row
 * shows) at the largest page size, 100: it passes; three heavy pages aliased in one request do not.
 */
const MAX_COST = 35_000;

/**
 * Depth, aliases and directives are checked while validating (graphql-armor); `__typename`
 * aliases count like any other. Armor reports every refusal as a syntax error: its message
 * carries our code, which `limitError` turns into a coded answer.
 */
export const armorLimits = (production: boolean) =>
  new ApolloArmor({
    // Fields count, not fragment spreads: colocated fragments nest spreads without nesting data.
    maxDepth: {
      n: 10,
      flattenFragments: true,
      exposeLimits: false,
      errorMessage: 'QUERY_TOO_DEEP',
    },
    // The cost depends on variables: computed once they are known (costLimitPlugin).
    costLimit: { enabled: false },
    maxAliases: { n: 15, allowList: [], exposeLimits: false, errorMessage: 'TOO_MANY_ALIASES' },
    // Tokens are limited by graphql-js's own parser (parseOptions.maxTokens).
    maxTokens: { enabled: false },
    maxDirectives: { n: 10, exposeLimits: false, errorMessage: 'TOO_MANY_DIRECTIVES' },
    blockFieldSuggestion: { enabled: production },
  }).protect();

const ARMOR_MESSAGE = /^Syntax Error: (QUERY_TOO_DEEP|TOO_MANY_ALIASES|TOO_MANY_DIRECTIVES)$/;
// graphql-js spells it "more that"; either spelling.
const TOKENS_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

/** The coded answer for a refused limit, or null when the error is something else. */
export const limitError = (formatted: GraphQLFormattedError): GraphQLFormattedError | null => {
  const code = formatted.extensions?.code;
  let limit: LimitCode | null = null;
  if (code === 'GRAPHQL_VALIDATION_FAILED') {
    limit = (ARMOR_MESSAGE.exec(formatted.message)?.[1] as LimitCode | undefined) ?? null;
  } else if (code === 'GRAPHQL_PARSE_FAILED' && TOKENS_MESSAGE.test(formatted.message)) {
    limit = 'TOO_MANY_TOKENS';
  } else if (code === 'QUERY_TOO_COSTLY') {
    limit = 'QUERY_TOO_COSTLY';
  }
  return limit ? { message: LIMIT_MESSAGES[limit], extensions: { code: limit } } : null;
};

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * The fields that take a page size, by name, with the page each answers when none is given:
 * the argument's own default (tokenReminders: 50), else the common default page.
 */
export const pagedFieldDefaults = (schema: GraphQLSchema): ReadonlyMap<string, number> => {
  const pages = new Map<string, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const first = field.args.find((argument) => argument.name === 'first');
      if (!first) continue;
      const page = typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_PAGE_SIZE;
      // Two types may share a field name: count the larger page.
      pages.set(field.name, Math.max(page, pages.get(field.name) ?? 0));
    }
  }
  return pages;
};

/** A page size as the resolver will see it: literal, variable (or its default), or the default page. */
const pageSize = (
  value: ValueNode,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
  fieldDefault: number,
) => {
  let resolved: unknown;
  if (value.kind === Kind.INT) resolved = Number.parseInt(value.value, 10);
  else if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    if (variables[name] !== undefined) resolved = variables[name];
    else {
      const fallback = defaults.get(name);
      resolved = fallback?.kind === Kind.INT ? Number.parseInt(fallback.value, 10) : null;
    }
  }
  if (resolved === null || resolved === undefined) return fieldDefault;
  // Anything else is refused by the resolver; count it at the largest page meanwhile.
  if (typeof resolved !== 'number' || !Number.isInteger(resolved) || resolved < 1)
    return MAX_PAGE_SIZE;
  return Math.min(resolved, MAX_PAGE_SIZE);
};

/**
 * The cost of an operation once its variables are known (graphql-armor's formula: objects
 * 2, scalars 1, each level 1.5 times its children, lists times their page size), so
 * `first: $n` costs what `first: 100` costs when n is 100.
 */
export const operationCost = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  pagedFields: ReadonlyMap<string, number>,
): number => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, definition.defaultValue);
  const fragmentCosts = new Map<string, number>();

  const selectionsCost = (selections: readonly SelectionNode[], seen: Set<string>): number => {
    let total = 0;
    for (const selection of selections) total += DEPTH_FACTOR * selectionCost(selection, seen);
    return total;
  };
  const selectionCost = (node: SelectionNode, seen: Set<string>): number => {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      // A spread costs what its fields would cost written in place: colocated fragments nest
      // spreads without nesting data, so a spread adds no level of its own.
      const name = node.name.value;
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Cycles are refused by validation; count them as nothing more here.
      if (!fragment || seen.has(name)) return SCALAR_COST;
      let cost = 0;
      for (const child of fragment.selectionSet.selections)
        cost += selectionCost(child, new Set([...seen, name]));
      fragmentCosts.set(name, cost);
      return cost;
    }
    if (node.kind === Kind.INLINE_FRAGMENT) {
      // Like a spread: its fields cost what they would cost written in place.
      let cost = 0;
      for (const child of node.selectionSet.selections) cost += selectionCost(child, seen);
      return cost;
    }
    if (!node.selectionSet) return SCALAR_COST;
    let multiplier = 1;
    if (node.kind === Kind.FIELD) {
      const page = node.arguments?.find(
        (argument) => argument.name.value === 'first' || argument.name.value === 'last',
      );
      const fieldDefault = pagedFields.get(node.name.value) ?? DEFAULT_PAGE_SIZE;
      if (page) multiplier = pageSize(page.value, variables, defaults, fieldDefault);
      else if (pagedFields.has(node.name.value)) multiplier = fieldDefault;
    }
    return (OBJECT_COST + selectionsCost(node.selectionSet.selections, seen)) * multiplier;
  };

  let cost = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === '__schema') continue;
    cost += selectionCost(selection, new Set());
  }
  return cost;
};

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/** Once the operation and its variables are known: its cost, and only queries and mutations. */
export const operationLimitsPlugin = <Context extends object>(
  schema: GraphQLSchema,
): ApolloServerPlugin<Context> => {
  const pagedFields = pagedFieldDefaults(schema);
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, operation, request }) => {
        if (!operation) return;
        if (operation.operation === OperationTypeNode.SUBSCRIPTION)
          throw badRequest('Subscriptions are not supported.');
        if (operationCost(document, operation, request.variables ?? {}, pagedFields) > MAX_COST) {
          throw new GraphQLError(LIMIT_MESSAGES.QUERY_TOO_COSTLY, {
            extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } },
          });
        }
      },
    }),
  };
};
