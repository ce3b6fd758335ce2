import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type {
  AlertLevel,
  ApiKeySortField,
  ApiKeyStatus,
  GeneratedKeysQueryVariables,
  SortDirection,
} from '../../../gql/graphql';

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

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;

export const parseKeysListState = (params: URLSearchParams): KeysListState => {
  const size = Number(params.get('size'));
  return {
    search: params.get('q') ?? '',
    status: pick(statuses, params.get('status')),
    roleIds: params.getAll('role'),
    alertLevel: pick(alertLevels, params.get('alert')),
    renewalPending: params.get('pending') === '1',
    sortField: pick(sortFields, params.get('sort')) ?? 'CREATED_AT',
    sortDirection: pick(directions, params.get('dir')) ?? 'DESC',
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
  const page = state.before
    ? { last: state.pageSize, before: state.before }
    : { first: state.pageSize, ...(state.after ? { after: state.after } : {}) };
  return {
    ...page,
    filter,
    orderBy: { field: state.sortField, direction: state.sortDirection },
  };
};

/** Ascending reads naturally for names; dates and status start with the newest/active. */
export const defaultDirectionFor = (field: ApiKeySortField): SortDirection =>
  field === 'NAME' ? 'ASC' : 'DESC';

type ParamUpdate = Record<string, string | string[] | null>;

/** Search, filters, sort and cursor live in the URL so reload and Back restore the list. */
export const useKeysSearchParams = () => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseKeysListState(params), [params]);

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
      setAlertLevel: (alertLevel: AlertLevel | null) => update({ alert: alertLevel }),
      setRenewalPending: (pending: boolean) => update({ pending: pending ? '1' : null }),
      setSort: (field: ApiKeySortField, direction: SortDirection) =>
        update({ sort: field, dir: direction }),
      setPageSize: (size: number) => update({ size: String(size) }),
      goToNextPage: (endCursor: string) =>
        update({ after: endCursor, before: null }, { keepCursor: true }),
      goToPreviousPage: (startCursor: string) =>
        update({ before: startCursor, after: null }, { keepCursor: true }),
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
  return { state, hasFilters, ...actions };
};
