import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyRateLimitInput } from '../../../gql/graphql';
import { getErrorCode, getErrorField } from '../../../lib/graphql-errors';
import {
  addressEntries,
  addressListProblem,
  budgetProblem,
  maxAllowedAddresses,
  maxUsesPerDay,
  maxUsesPerMinute,
  rateLimitInput,
} from '../utils/key-policies';

export type KeyPolicyValues = {
  addresses: string;
  perMinute: number | string;
  perDay: number | string;
};

export type KeyPolicyErrors = {
  addresses: string | null;
  perMinute: string | null;
  perDay: string | null;
};

const noErrors: KeyPolicyErrors = { addresses: null, perMinute: null, perDay: null };

export type KeyPolicyInitial = {
  allowedAddresses: readonly string[];
  rateLimitPerMinute?: number | null;
  rateLimitPerDay?: number | null;
};

/**
 * The allowed addresses and the budget of a key (issue 18 P1, P2) in a generate or edit form:
 * validated as the server does, and sent only when they differ from what the key has.
 */
export const useKeyPolicyForm = (initial?: KeyPolicyInitial) => {
  const { t } = useTranslation();
  const start: KeyPolicyValues = {
    addresses: initial?.allowedAddresses.join('\n') ?? '',
    perMinute: initial?.rateLimitPerMinute ?? '',
    perDay: initial?.rateLimitPerDay ?? '',
  };
  const [values, setValues] = useState<KeyPolicyValues>(start);
  const [errors, setErrors] = useState<KeyPolicyErrors>(noErrors);

  const change = (next: Partial<KeyPolicyValues>) => setValues((now) => ({ ...now, ...next }));

  /** Shows every problem on its field; true when there is none. */
  const validate = (): boolean => {
    const problem = addressListProblem(values.addresses);
    const budgetMessage = (value: number | string, max: number) =>
      budgetProblem(value, max) && t('keyPolicies.budgetRange', { max: max.toLocaleString() });
    const next: KeyPolicyErrors = {
      addresses: !problem
        ? null
        : problem.kind === 'tooMany'
          ? t('keyPolicies.tooManyAddresses', { max: maxAllowedAddresses })
          : t('keyPolicies.invalidAddress', { entry: problem.entry }),
      perMinute: budgetMessage(values.perMinute, maxUsesPerMinute) || null,
      perDay: budgetMessage(values.perDay, maxUsesPerDay) || null,
    };
    setErrors(next);
    return !next.addresses && !next.perMinute && !next.perDay;
  };

  /** Places a server refusal of one of these fields on it; false when it is about another. */
  const showServerError = (error: unknown): boolean => {
    if (getErrorCode(error) !== 'BAD_USER_INPUT') return false;
    const field = getErrorField(error);
    if (field === 'allowedAddresses') {
      setErrors({ ...noErrors, addresses: t('keyPolicies.addressesRefused') });
      return true;
    }
    if (field === 'rateLimit.perMinute' || field === 'rateLimit.perDay') {
      const key = field === 'rateLimit.perMinute' ? 'perMinute' : 'perDay';
      const max = key === 'perMinute' ? maxUsesPerMinute : maxUsesPerDay;
      setErrors({
        ...noErrors,
        [key]: t('keyPolicies.budgetRange', { max: max.toLocaleString() }),
      });
      return true;
    }
    return false;
  };

  /** The input fields that change something: none when the form still shows the key's own. */
  const input = (): { allowedAddresses?: string[]; rateLimit?: KeyRateLimitInput } => {
    const entries = addressEntries(values.addresses);
    const addressesChanged = entries.join('\n') !== addressEntries(start.addresses).join('\n');
    const budgetChanged =
      String(values.perMinute) !== String(start.perMinute) ||
      String(values.perDay) !== String(start.perDay);
    return {
      ...(addressesChanged ? { allowedAddresses: entries } : {}),
      ...(budgetChanged ? { rateLimit: rateLimitInput(values.perMinute, values.perDay) } : {}),
    };
  };

  const reset = () => {
    setValues(start);
    setErrors(noErrors);
  };

  return { values, errors, change, validate, showServerError, input, reset };
};

export type KeyPolicyForm = ReturnType<typeof useKeyPolicyForm>;
