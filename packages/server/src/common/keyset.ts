import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './app-error.js';
import { isMysqlFamily } from './dialect.js';

/**
 * Keyset ("seek") pagination: pages are found through the sort index, so page 1,000
 * costs what page 1 costs. NULL sorts lowest on both SQLite and MySQL, which the
 * comparisons below rely on.
 */
export interface SortColumn<Row> {
  /** SQL expression, e.g. `k.createdAt`. */
  expression: string;
  read: (row: Row) => CursorValue;
  nullable?: boolean;
}

export type CursorValue = string | number | boolean | Date | null;
export type Direction = 'ASC' | 'DESC';

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<Row> {
  rows: Row[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

type Encoded = string | number | boolean | null | { d: string };

const encodeValue = (value: CursorValue): Encoded =>
  value instanceof Date ? { d: value.toISOString() } : value;

const decodeValue = (value: Encoded): CursorValue =>
  value !== null && typeof value === 'object' ? new Date(value.d) : value;

export const encodeCursor = (values: CursorValue[]): string =>
  Buffer.from(JSON.stringify(values.map(encodeValue))).toString('base64url');

const decodeCursor = (cursor: string, length: number, field: string): CursorValue[] => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === length) {
      return (parsed as Encoded[]).map(decodeValue);
    }
  } catch {
    // fall through to the coded error
  }
  throw badInput(field, 'The cursor is not valid.');
};

/** A timestamp literal both databases compare correctly with our datetime(3) columns. */
export const sqlTimestamp = (date: Date): string =>
  date.toISOString().replace('T', ' ').replace('Z', '');

/** Same literal on both databases: UTC `YYYY-MM-DD HH:MM:SS.mmm`, booleans as 0/1. */
const toSqlParameter = (value: CursorValue): string | number | null => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badInput('after', 'The cursor is not valid.');
    return sqlTimestamp(value);
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
};

const seekCondition = <Row>(
  columns: SortColumn<Row>[],
  values: CursorValue[],
  direction: Direction,
  prefix: string,
): { sql: string; parameters: Record<string, unknown> } => {
  const parameters: Record<string, unknown> = {};
  const param = (index: number) => {
    const name = `${prefix}${index}`;
    parameters[name] = toSqlParameter(values[index] ?? null);
    return `:${name}`;
  };
  const beyond = (index: number): string => {
    const column = columns[index] as SortColumn<Row>;
    const isNull = values[index] === null;
    if (direction === 'ASC')
      return isNull ? `${column.expression} IS NOT NULL` : `${column.expression} > ${param(index)}`;
    if (isNull) return '1 = 0';
    const below = `${column.expression} < ${param(index)}`;
    return column.nullable ? `(${below} OR ${column.expression} IS NULL)` : below;
  };
  const equal = (index: number): string => {
    const column = columns[index] as SortColumn<Row>;
    return values[index] === null
      ? `${column.expression} IS NULL`
      : `${column.expression} = ${param(index)}`;
  };
  const alternatives = columns.map((_, index) =>
    [...columns.slice(0, index).map((__, j) => equal(j)), beyond(index)].join(' AND '),
  );
  return { sql: `(${alternatives.map((alt) => `(${alt})`).join(' OR ')})`, parameters };
};

const pageSize = (value: number | null | undefined, field: string): number => {
  if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badInput(field, `Must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return value;
};

/**
 * MySQL-family optimizers read `accountId = ?` as a `ref` on the sort index and test the seek
 * condition row by row, so a page after row 20,000 walked 20,000 rows (B3: 77 ms); forced,
 * the index is a range seek (0.65 ms). TypeORM's query builder only emits USE INDEX, which is
 * not enough, and has no FORCE INDEX: so a query that needs one is read here, raw, from the
 * builder's own SQL and parameters, with the one fragment `FORCE INDEX (<index>)` placed after
 * the builder's main table and alias (both escaped by TypeORM). Elsewhere (SQLite) the query
 * runs as built.
 */
const withForcedIndex = <Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  index: string | undefined,
): [string, unknown[]] => {
  const [sql, parameters] = query.getQueryAndParameters();
  if (!index || !isMysqlFamily(query.connection.manager)) return [sql, parameters];
  const table = query.expressionMap.mainAlias?.metadata.tableName;
  if (!table) throw new Error('a forced index needs an entity query');
  const from = ` FROM ${query.escape(table)} ${query.escape(query.alias)}`;
  const at = sql.indexOf(from);
  if (at < 0 || sql.indexOf(from, at + 1) >= 0) {
    throw new Error(`cannot place FORCE INDEX in: ${sql.slice(0, 200)}`);
  }
  const end = at + from.length;
  return [`${sql.slice(0, end)} FORCE INDEX (${query.escape(index)})${sql.slice(end)}`, parameters];
};

/** The query's raw rows, read through `index` on MySQL-family databases (see above). */
export const rawRowsThroughIndex = <Raw, Row extends ObjectLiteral = ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  index: string,
): Promise<Raw[]> => {
  const [sql, parameters] = withForcedIndex(query, index);
  return query.connection.query<Raw[]>(sql, parameters);
};

/**
 * A page's rows: their ids first (through `index` when one is given), then those rows by
 * primary key, in the ids' order.
 */
const idsThenRows = async <Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  limit: number,
  index: string | undefined,
): Promise<Row[]> => {
  const idsQuery = query.clone().select(`${query.alias}.id`, 'id').limit(limit);
  const ids = index
    ? (await rawRowsThroughIndex<{ id: string }, Row>(idsQuery, index)).map((row) => row.id)
    : (await idsQuery.getRawMany<{ id: string }>()).map((row) => row.id);
  if (ids.length === 0) return [];
  const target = query.expressionMap.mainAlias?.target;
  if (!target) throw new Error('idsFirst needs an entity query');
  const rows: Row[] = await query.connection
    .createQueryBuilder<Row>(target, query.alias)
    .whereInIds(ids)
    .getMany();
  const byId = new Map(rows.map((row) => [String((row as ObjectLiteral).id), row]));
  return ids.flatMap((id): Row[] => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
};

/** The rows of a query limited by id, read through `index` on MySQL-family databases. */
export const rowsThroughIndex = <Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  index: string,
  limit: number,
): Promise<Row[]> =>
  isMysqlFamily(query.connection.manager)
    ? idsThenRows(query, limit, index)
    : query.limit(limit).getMany();

export const paginate = async <Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  columns: SortColumn<Row>[],
  direction: Direction,
  request: PageRequest,
  options: {
    /** The index that holds `columns` in order, to walk on MySQL-family databases. */
    sortIndex?: string;
    /** Another index to read through on MySQL-family databases (e.g. PRIMARY for an id list). */
    index?: string;
    /**
     * Find the page's ids first, then load those rows: when the sort index also holds every
     * filtered column, the walk reads index entries only (MariaDB does not push conditions
     * into a backward index scan, so otherwise it reads every row it passes).
     */
    idsFirst?: boolean;
  } = {},
): Promise<Page<Row>> => {
  const shape = pageShape(request, columns.length);
  const seekDirection: Direction = shape.backwards
    ? direction === 'ASC'
      ? 'DESC'
      : 'ASC'
    : direction;
  if (shape.cursor) {
    const condition = seekCondition(columns, shape.cursor, seekDirection, 'seek');
    query.andWhere(condition.sql, condition.parameters);
  }
  const index = options.sortIndex ?? options.index;
  columns.forEach((column, index) =>
    index === 0
      ? query.orderBy(column.expression, seekDirection)
      : query.addOrderBy(column.expression, seekDirection),
  );
  const fetched =
    options.idsFirst || (index && isMysqlFamily(query.connection.manager))
      ? await idsThenRows(query, shape.size + 1, index)
      : await query.limit(shape.size + 1).getMany();
  return pageOf(fetched, shape, columns);
};

export interface PageShape {
  /** last/before: the rows are sought against the list's direction, then reversed. */
  backwards: boolean;
  size: number;
  /** The decoded after/before cursor, if any. */
  cursor: CursorValue[] | null;
}

export const pageShape = (request: PageRequest, columnCount: number): PageShape => {
  if (
    (request.first != null || request.after != null) &&
    (request.last != null || request.before != null)
  ) {
    throw badInput('last', 'Use first/after or last/before, not both.');
  }
  const backwards = request.last != null || request.before != null;
  const size = pageSize(backwards ? request.last : request.first, backwards ? 'last' : 'first');
  const cursor = backwards ? request.before : request.after;
  return {
    backwards,
    size,
    cursor: cursor ? decodeCursor(cursor, columnCount, backwards ? 'before' : 'after') : null,
  };
};

/** A page from up to size + 1 rows fetched in seek order. */
export const pageOf = <Row>(
  fetched: Row[],
  shape: PageShape,
  columns: SortColumn<Row>[],
): Page<Row> => {
  const hasMore = fetched.length > shape.size;
  const rows = fetched.slice(0, shape.size);
  if (shape.backwards) rows.reverse();
  return {
    rows,
    cursors: rows.map((row) => encodeCursor(columns.map((column) => column.read(row)))),
    hasNextPage: shape.backwards ? shape.cursor !== null : hasMore,
    hasPreviousPage: shape.backwards ? hasMore : shape.cursor !== null,
  };
};

/** Use with `ESCAPE '!'` (a character both databases read the same way in a literal). */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** `%`, `_` and `!` match themselves in the pattern. */
export const likeContains = (text: string): string =>
  `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;

export interface Counted {
  totalCount: number;
  totalCountCapped: boolean;
}

/**
 * A count still running when its page is ready: the connection's totalCount awaits it while
 * the rows' fields load, so the count is off the request's critical path.
 */
export interface Counting {
  counting: Promise<Counted>;
}

/** Marks a promise as handled (a request that fails elsewhere may never await it) and returns it. */
export const awaitedLater = <T>(promise: Promise<T>): Promise<T> => {
  promise.catch(() => undefined);
  return promise;
};

/** Counts past this are reported as "10,000 or more": an exact count at 1M keys costs seconds. */
export const COUNT_CAP = 10_000;

/** Counts the rows a list query matches, reading at most COUNT_CAP + 1 index entries. */
export const countUpTo = async <Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  cap = COUNT_CAP,
  /** Read through this index on MySQL-family databases. */
  index?: string,
): Promise<Counted> => {
  const [sql, parameters] = withForcedIndex(
    query
      .clone()
      .select('1', 'one')
      .orderBy()
      .limit(cap + 1),
    index,
  );
  const rows = await query.connection.query<{ matched: string | number }[]>(
    `SELECT COUNT(*) AS matched FROM (${sql}) capped`,
    parameters,
  );
  const matched = Number(rows[0]?.matched ?? 0);
  return { totalCount: Math.min(matched, cap), totalCountCapped: matched > cap };
};
