import { useMemo } from 'react';
import type {
  AlertLevel,
  ApiKeySortField,
  ApiKeyStatus,
  GeneratedKeysQueryVariables,
  SortDirection,
} from '../../../gql/graphql';
import { cursorPage, pickAllowed, useListSearchParams } from '../../../lib/list-url-state';

export const sortFields: readonly ApiKeySortField[] = ['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED'];
export const pageSizes = [10, 25, 50] as const;
const defaultPageSize = 25;
const statuses: readonly ApiKeyStatus[] = ['ACTIVE', 'INACTIVE'];
const directions: readonly SortDirection[] = ['ASC', 'DESC'];
export const alertLevels: readonly AlertLevel[] = ['NONE', 'ORANGE', 'RED'];

export type KeysListState = {
  search: string;
  status: ApiKeyStatus | null;
  roleIds: string[];
  alertLevel: AlertLevel | null;
  /** Only keys renewed whose old token still works (`pending=1`). */
  renewalPending: boolean;
  sortField: ApiKeySortField;
  sortDirection: SortDirection;
  after: string | null;
  before: string | null;
  pageSize: number;
};

export const parseKeysListState = (params: URLSearchParams): KeysListState => {
  const size = Number(params.get('size'));
  return {
    search: params.get('q') ?? '',
    status: pickAllowed(statuses, params.get('status')),
    roleIds: params.getAll('role'),
    alertLevel: pickAllowed(alertLevels, params.get('alert')),
    renewalPending: params.get('pending') === '1',
    sortField: pickAllowed(sortFields, params.get('sort')) ?? 'CREATED_AT',
    sortDirection: pickAllowed(directions, params.get('dir')) ?? 'DESC',
    after: params.get('after'),
    before: params.get('before'),
    pageSize: pageSizes.find((allowed) => allowed === size) ?? defaultPageSize,
  };
};

export const toQueryVariables = (state: KeysListState): GeneratedKeysQueryVariables => {
  const search = state.search.trim();
  const filter = {
    ...(search ? { search } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.roleIds.length > 0 ? { roleIds: state.roleIds } : {}),
    ...(state.alertLevel ? { alertLevel: state.alertLevel } : {}),
    ...(state.renewalPending ? { renewalPending: true } : {}),
  };
  const page = cursorPage(state, state.pageSize);
  return {
    ...page,
    filter,
    orderBy: { field: state.sortField, direction: state.sortDirection },
  };
};

/** Ascending reads naturally for names; dates and status start with the newest/active. */
export const defaultDirectionFor = (field: ApiKeySortField): SortDirection =>
  field === 'NAME' ? 'ASC' : 'DESC';

/** Search, filters, sort and cursor live in the URL so reload and Back restore the list. */
export const useKeysSearchParams = () => {
  const { state, update, goToNextPage, goToPreviousPage } = useListSearchParams(parseKeysListState);

  const actions = useMemo(
    () => ({
      setSearch: (search: string) => update({ q: search.trim() || null }),
      setStatus: (status: ApiKeyStatus | null) => update({ status }),
      setRoleIds: (roleIds: string[]) => update({ role: roleIds }),
      setAlertLevel: (alertLevel: AlertLevel | null) => update({ alert: alertLevel }),
      setRenewalPending: (pending: boolean) => update({ pending: pending ? '1' : null }),
      setSort: (field: ApiKeySortField, direction: SortDirection) =>
        update({ sort: field, dir: direction }),
      setPageSize: (size: number) => update({ size: String(size) }),
      clearFilters: () => update({ q: null, status: null, role: null, alert: null, pending: null }),
    }),
    [update],
  );

  const hasFilters = Boolean(
    state.search.trim() ||
    state.status ||
    state.roleIds.length ||
    state.alertLevel ||
    state.renewalPending,
  );
  return { state, hasFilters, goToNextPage, goToPreviousPage, ...actions };
};
