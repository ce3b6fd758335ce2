import { useMemo } from 'react';
import type { AuditEventFilter, AuditEventsQueryVariables } from '../../../gql/graphql';
import { cursorPage, useListSearchParams } from '../../../lib/list-url-state';

export const auditPageSize = 25;

export type AuditListState = {
  actor: string;
  action: string | null;
  targetKey: string;
  /** Calendar days (`YYYY-MM-DD`) in the viewer's time zone, both included. */
  from: string | null;
  to: string | null;
  after: string | null;
  before: string | null;
};

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const parseDay = (value: string | null): string | null =>
  value && dayPattern.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime())
    ? value
    : null;

/** Midnight at the start of the day, or of the day after with `offsetDays` 1, in local time. */
const localMidnight = (day: string, offsetDays = 0): Date => {
  const [, year, month, date] = dayPattern.exec(day) ?? [];
  return new Date(Number(year), Number(month) - 1, Number(date) + offsetDays);
};

/** The first instant of `from` and the last of `to`, as the server's inclusive bounds. */
export const dayRangeToIso = (from: string | null, to: string | null) => ({
  from: from ? localMidnight(from).toISOString() : null,
  to: to ? new Date(localMidnight(to, 1).getTime() - 1).toISOString() : null,
});

export const isRangeInvalid = (state: Pick<AuditListState, 'from' | 'to'>) =>
  Boolean(state.from && state.to && state.from > state.to);

export const parseAuditListState = (params: URLSearchParams): AuditListState => ({
  actor: params.get('actor') ?? '',
  // Unknown actions stay filterable from a shared link; the select lists the known ones.
  action: params.get('action') || null,
  targetKey: params.get('target') ?? '',
  from: parseDay(params.get('from')),
  to: parseDay(params.get('to')),
  after: params.get('after'),
  before: params.get('before'),
});

export const toAuditFilter = (state: AuditListState): AuditEventFilter => {
  const actor = state.actor.trim();
  const targetKey = state.targetKey.trim();
  const range = dayRangeToIso(state.from, state.to);
  return {
    ...(actor ? { actor } : {}),
    ...(state.action ? { action: state.action } : {}),
    ...(targetKey ? { targetKey } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
  };
};

export const toAuditQueryVariables = (state: AuditListState): AuditEventsQueryVariables => {
  const page = cursorPage(state, auditPageSize);
  return { ...page, filter: toAuditFilter(state) };
};

/** The CSV export of the events the filters select (every page, not only the one shown). */
export const auditExportHref = (state: AuditListState): string => {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [name, value] of Object.entries(toAuditFilter(state))) {
    if (typeof value === 'string') params.set(name, value);
  }
  return `/api/audit/export?${params.toString()}`;
};

/** Audit filters and the page cursor live in the URL so reload, Back and shared links keep them. */
export const useAuditSearchParams = () => {
  const { state, update, goToNextPage, goToPreviousPage } =
    useListSearchParams(parseAuditListState);

  const actions = useMemo(
    () => ({
      setActor: (actor: string) => update({ actor: actor.trim() || null }),
      setAction: (action: string | null) => update({ action }),
      setTargetKey: (targetKey: string) => update({ target: targetKey.trim() || null }),
      setFrom: (from: string | null) => update({ from: parseDay(from) }),
      setTo: (to: string | null) => update({ to: parseDay(to) }),
      clearFilters: () => update({ actor: null, action: null, target: null, from: null, to: null }),
    }),
    [update],
  );

  const hasFilters = Boolean(
    state.actor.trim() || state.action || state.targetKey.trim() || state.from || state.to,
  );
  return { state, hasFilters, goToNextPage, goToPreviousPage, ...actions };
};
