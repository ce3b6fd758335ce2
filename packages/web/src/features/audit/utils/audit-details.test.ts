import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { describeAuditDetails } from './audit-details';

describe('describeAuditDetails', () => {
  it('tells a refused sign-in in words, in every language', async () => {
    const details = JSON.stringify({ reason: 'SIGN_IN_FAILED', attempts: 2 });
    expect(describeAuditDetails('auth.refused', details, i18n.t)).toBe(
      '2 refused attempts (wrong password at sign-in)',
    );
    await i18n.changeLanguage('pt-BR');
    expect(describeAuditDetails('auth.refused', details, i18n.t)).toContain(
      'senha incorreta no login',
    );
    await i18n.changeLanguage('en');
  });
});
