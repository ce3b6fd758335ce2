import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Every list keeps its search, filters, sort and cursor in the URL, so reload, Back and shared
 * links restore it. This is the part the lists share; each feature parses its own state.
 */
/** The page sizes every list offers, and the one it starts with. */
export const pageSizes = [10, 25, 50] as const;
export const defaultPageSize = 25;

export type ParamUpdate = Record<string, string | string[] | null>;

export const pickAllowed = <T extends string>(
  allowed: readonly T[],
  value: string | null,
): T | null => allowed.find((candidate) => candidate === value) ?? null;

/** Relay paging arguments: backwards from `before`, else forwards from `after`. */
export const cursorPage = (state: { after: string | null; before: string | null }, size: number) =>
  state.before
    ? { last: size, before: state.before }
    : { first: size, ...(state.after ? { after: state.after } : {}) };

/** `parse` must be stable (a module-level function): the state is memoised on it. */
export const useListSearchParams = <State>(parse: (params: URLSearchParams) => State) => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parse(params), [parse, params]);

  /** Any change but paging starts the list again from its first page. */
  const update = useCallback(
    (changes: ParamUpdate, { keepCursor = false } = {}) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (!keepCursor) {
          next.delete('after');
          next.delete('before');
        }
        for (const [name, value] of Object.entries(changes)) {
          next.delete(name);
          const values = Array.isArray(value) ? value : value ? [value] : [];
          for (const item of values) next.append(name, item);
        }
        return next;
      });
    },
    [setParams],
  );

  const paging = useMemo(
    () => ({
      goToNextPage: (endCursor: string) =>
        update({ after: endCursor, before: null }, { keepCursor: true }),
      goToPreviousPage: (startCursor: string) =>
        update({ before: startCursor, after: null }, { keepCursor: true }),
    }),
    [update],
  );

  return { state, update, ...paging };
};

export type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
};

/** Pager buttons from a Relay pageInfo and the cursor in the URL. */
export const pagerProps = (
  pageInfo: PageInfo,
  state: { after: string | null; before: string | null },
  paging: { goToNextPage: (cursor: string) => void; goToPreviousPage: (cursor: string) => void },
) => ({
  // Forward pages may report hasPreviousPage=false (Relay allows it): the cursor says more.
  canGoBack: pageInfo.hasPreviousPage || Boolean(state.after),
  canGoForward: pageInfo.hasNextPage || Boolean(state.before),
  onPrevious: () => {
    if (pageInfo.startCursor) paging.goToPreviousPage(pageInfo.startCursor);
  },
  onNext: () => {
    if (pageInfo.endCursor) paging.goToNextPage(pageInfo.endCursor);
  },
});

/** What a pager reads from a list's connection, its URL state and its paging actions. */
export type PagerSource = {
  connection: { totalCount: number; totalCountCapped: boolean; pageInfo: PageInfo };
  state: { after: string | null; before: string | null };
  list: { goToNextPage: (cursor: string) => void; goToPreviousPage: (cursor: string) => void };
};

/** The count and the pager buttons of a list page. */
export const pagingOf = ({ connection, state, list }: PagerSource) => ({
  totalCount: connection.totalCount,
  totalCountCapped: connection.totalCountCapped,
  ...pagerProps(connection.pageInfo, state, list),
});
