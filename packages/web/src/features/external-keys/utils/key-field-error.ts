import type { TFunction } from 'i18next';
import { getErrorCode, getErrorField } from '../../../lib/graphql-errors';

/** Places the server's refusals of the key identifier on that field, in plain words. */
export const keyFieldError = (error: unknown, t: TFunction): string | null => {
  const field = getErrorField(error);
  if (field !== 'key') return null;
  switch (getErrorCode(error)) {
    case 'NOT_FOUND':
      return t('externalKeys.addDialog.keyUnknown');
    case 'BAD_USER_INPUT':
      return t('externalKeys.addDialog.keyOwn');
    case 'CONFLICT':
      return t('externalKeys.addDialog.keyAlreadyAdded');
    default:
      return null;
  }
};
