import type { TFunction } from 'i18next';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';

/** CONFLICT on edit or remove means the last Owner (Admin Super) would go: say so plainly. */
export const memberChangeError = (error: unknown, t: TFunction): string =>
  getErrorCode(error) === 'CONFLICT' ? t('members.lastOwner') : describeError(error, t);
