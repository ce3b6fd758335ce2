import type { LocaleMessages } from '../locale-messages';

/** The key detail page and the usage sparkline of the Generated tab (issue 18, U1). */
export const keyUsageEn = {
  keyDetail: {
    breadcrumb: 'Key details',
    loading: 'Loading the key',
    notFound: {
      title: 'Key not found',
      description: 'It may have been deleted, or it belongs to another account.',
    },
    openDetails: 'Details of {{name}}',
    tokens: {
      title: 'Tokens',
      current: 'Current token',
      issued: 'Issued {{date}} ({{relative}})',
    },
    usage: {
      title: 'Usage',
      range: 'Range',
      ranges: {
        day: '24 hours',
        week: '7 days',
        month: '30 days',
        quarter: '90 days',
      },
      chartLabel: 'Verifications over time, by outcome',
      summary: '{{total}} verifications: {{valid}} valid, {{refused}} refused.',
      empty: 'No verifications in this range.',
      showTable: 'Show as table',
      showChart: 'Show as chart',
      period: 'Period',
      total: 'Total',
      error: 'Usage could not be loaded.',
    },
    outcomes: {
      VALID: 'Valid',
      INVALID_CREDENTIALS: 'Wrong token',
      INACTIVE: 'Inactive key',
      EXPIRED: 'Expired token',
      FORBIDDEN: 'Forbidden',
      RATE_LIMITED: 'Rate limited',
      IP_NOT_ALLOWED: 'Address not allowed',
      OTHER: 'Other',
    },
    sources: {
      title: 'Top sources',
      address: 'Address',
      count: 'Verifications',
      empty: 'No source address recorded in this range.',
    },
    audit: {
      title: 'Audit trail',
      empty: 'No events for this key yet.',
      error: 'The audit trail could not be loaded.',
    },
  },
  sparkline: {
    label: '{{total}} verifications in the last 7 days',
  },
};

export type KeyUsageMessages = LocaleMessages<typeof keyUsageEn>;
