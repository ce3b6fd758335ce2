import { useMemo } from 'react';
import type {
  ApiKeyStatus,
  ExternalKeySortField,
  ExternalKeysQueryVariables,
  SortDirection,
} from '../../../gql/graphql';
import {
  cursorPage,
  defaultPageSize,
  pageSizes,
  pickAllowed,
  useListSearchParams,
} from '../../../lib/list-url-state';

export const externalSortFields: readonly ExternalKeySortField[] = [
  'KEY',
  'OWNER_ACCOUNT',
  'ADDED_AT',
  'STATUS',
];
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

export const parseExternalKeysListState = (params: URLSearchParams): ExternalKeysListState => {
  const size = Number(params.get('size'));
  return {
    search: params.get('q') ?? '',
    status: pickAllowed(statuses, params.get('status')),
    roleIds: params.getAll('role'),
    sortField: pickAllowed(externalSortFields, params.get('sort')) ?? 'ADDED_AT',
    sortDirection: pickAllowed(directions, params.get('dir')) ?? 'DESC',
    after: params.get('after'),
    before: params.get('before'),
    pageSize: pageSizes.find((allowed) => allowed === size) ?? defaultPageSize,
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
  const page = cursorPage(state, state.pageSize);
  return {
    ...page,
    filter,
    orderBy: { field: state.sortField, direction: state.sortDirection },
  };
};

/** Ascending reads naturally for keys and account names; dates and status start newest/active. */
export const defaultExternalDirectionFor = (field: ExternalKeySortField): SortDirection =>
  field === 'KEY' || field === 'OWNER_ACCOUNT' ? 'ASC' : 'DESC';

/** Search, filters, sort and cursor live in the URL so reload and Back restore the list. */
export const useExternalKeysSearchParams = () => {
  const { state, update, goToNextPage, goToPreviousPage } = useListSearchParams(
    parseExternalKeysListState,
  );

  const actions = useMemo(
    () => ({
      setSearch: (search: string) => update({ q: search.trim() || null }),
      setStatus: (status: ApiKeyStatus | null) => update({ status }),
      setRoleIds: (roleIds: string[]) => update({ role: roleIds }),
      setSort: (field: ExternalKeySortField, direction: SortDirection) =>
        update({ sort: field, dir: direction }),
      setPageSize: (size: number) => update({ size: String(size) }),
      clearFilters: () => update({ q: null, status: null, role: null }),
    }),
    [update],
  );

  const hasFilters = Boolean(state.search.trim() || state.status || state.roleIds.length);
  return { state, hasFilters, goToNextPage, goToPreviousPage, ...actions };
};
