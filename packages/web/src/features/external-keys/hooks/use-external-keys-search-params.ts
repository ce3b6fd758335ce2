import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type {
  ApiKeyStatus,
  ExternalKeySortField,
  ExternalKeysQueryVariables,
  SortDirection,
} from '../../../gql/graphql';

export const externalSortFields: readonly ExternalKeySortField[] = [
  'KEY',
  'OWNER_ACCOUNT',
  'ADDED_AT',
  'STATUS',
];
export const externalPageSizes = [10, 25, 50] as const;
const defaultPageSize = 25;
const statuses: readonly ApiKeyStatus[] = ['ACTIVE', 'INACTIVE'];
const directions: readonly SortDirection[] = ['ASC', 'DESC'];

export type ExternalKeysListState = {
  search: string;
  status: ApiKeyStatus | null;
  roleIds: string[];
  sortField: ExternalKeySortField;
  sortDirection: SortDirection;
  after: string | null;
  before: string | null;
  pageSize: number;
};

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;

export const parseExternalKeysListState = (params: URLSearchParams): ExternalKeysListState => {
  const size = Number(params.get('size'));
  return {
    search: params.get('q') ?? '',
    status: pick(statuses, params.get('status')),
    roleIds: params.getAll('role'),
    sortField: pick(externalSortFields, params.get('sort')) ?? 'ADDED_AT',
    sortDirection: pick(directions, params.get('dir')) ?? 'DESC',
    after: params.get('after'),
    before: params.get('before'),
    pageSize: externalPageSizes.find((allowed) => allowed === size) ?? defaultPageSize,
  };
};

export const toExternalKeysVariables = (
  state: ExternalKeysListState,
): ExternalKeysQueryVariables => {
  const search = state.search.trim();
  const filter = {
    ...(search ? { search } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.roleIds.length > 0 ? { roleIds: state.roleIds } : {}),
  };
  const page = state.before
    ? { last: state.pageSize, before: state.before }
    : { first: state.pageSize, ...(state.after ? { after: state.after } : {}) };
  return {
    ...page,
    filter,
    orderBy: { field: state.sortField, direction: state.sortDirection },
  };
};

/** Ascending reads naturally for keys and account names; dates and status start newest/active. */
export const defaultExternalDirectionFor = (field: ExternalKeySortField): SortDirection =>
  field === 'KEY' || field === 'OWNER_ACCOUNT' ? 'ASC' : 'DESC';

type ParamUpdate = Record<string, string | string[] | null>;

/** Search, filters, sort and cursor live in the URL so reload and Back restore the list. */
export const useExternalKeysSearchParams = () => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseExternalKeysListState(params), [params]);

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

  const actions = useMemo(
    () => ({
      setSearch: (search: string) => update({ q: search.trim() || null }),
      setStatus: (status: ApiKeyStatus | null) => update({ status }),
      setRoleIds: (roleIds: string[]) => update({ role: roleIds }),
      setSort: (field: ExternalKeySortField, direction: SortDirection) =>
        update({ sort: field, dir: direction }),
      setPageSize: (size: number) => update({ size: String(size) }),
      goToNextPage: (endCursor: string) =>
        update({ after: endCursor, before: null }, { keepCursor: true }),
      goToPreviousPage: (startCursor: string) =>
        update({ before: startCursor, after: null }, { keepCursor: true }),
      clearFilters: () => update({ q: null, status: null, role: null }),
    }),
    [update],
  );

  const hasFilters = Boolean(state.search.trim() || state.status || state.roleIds.length);
  return { state, hasFilters, ...actions };
};
