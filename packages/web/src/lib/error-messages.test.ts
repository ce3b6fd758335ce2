import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ERROR_CODES } from '@keyward/shared';
import { describe, expect, it } from 'vitest';
import { describeError } from './graphql-errors';
import { i18n, supportedLanguages } from './i18n';

const coded = (code: string) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'Server wording', extensions: { code } }] });

describe.each(supportedLanguages.map((language) => language.code))(
  'error messages in %s',
  (language) => {
    it.each(ERROR_CODES)('says in plain words what %s means', async (code) => {
      await i18n.changeLanguage(language);
      const t = i18n.getFixedT(language);
      expect(i18n.exists(`errors.${code}`, { lng: language }), `errors.${code}`).toBe(true);
      const message = describeError(coded(code), t);
      expect(message).not.toBe(t('errors.UNKNOWN'));
      expect(message).not.toMatch(/^errors\./);
      expect(message.trim()).not.toBe('');
    });
  },
);
