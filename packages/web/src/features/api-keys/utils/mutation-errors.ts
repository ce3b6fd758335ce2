import type { TFunction } from 'i18next';
import { describeError, getErrorCode, getErrorField } from '../../../lib/graphql-errors';

/** Places server errors that name the `name` field on that field, in plain words. */
export const nameFieldError = (error: unknown, t: TFunction): string | null => {
  const code = getErrorCode(error);
  const field = getErrorField(error);
  if (code === 'CONFLICT' && (field === undefined || field === 'name')) {
    return t('generateDialog.nameTaken');
  }
  if (code === 'BAD_USER_INPUT' && field === 'name') return describeError(error, t);
  return null;
};
