import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { describeAuditDetails, describeAuditTarget } from './audit-details';

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

describe('describeAuditDetails, readable in every language', () => {
  const roleName = (id: string) => ({ r1: 'Owner (Admin Super)', r2: 'API keys read-only' })[id];

  it('names roles instead of their ids and labels each field', async () => {
    const details = JSON.stringify({ name: 'Billing', roleIds: ['r1', 'r2', 'gone'] });
    expect(describeAuditDetails('api-key.generated', details, i18n.t, roleName)).toBe(
      'Name: Billing · Roles: Owner (Admin Super), API keys read-only, gone',
    );
    await i18n.changeLanguage('pt-BR');
    expect(describeAuditDetails('api-key.generated', details, i18n.t, roleName)).toBe(
      'Nome: Billing · Perfis de acesso: Owner (Admin Super), API keys read-only, gone',
    );
    const renamed = JSON.stringify({ name: { from: 'A', to: 'B' }, active: false });
    expect(describeAuditDetails('api-key.updated', renamed, i18n.t, roleName)).toBe(
      'Nome: A → B · Ativa: não',
    );
    await i18n.changeLanguage('en');
  });

  it('uses real plurals: no “0 tentativa”, no “selecionado(s)”', async () => {
    await i18n.changeLanguage('pt-BR');
    const none = JSON.stringify({ reason: 'SIGN_IN_FAILED', attempts: 0 });
    expect(describeAuditDetails('auth.refused', none, i18n.t)).toBe(
      'Nenhuma tentativa recusada (senha incorreta no login)',
    );
    expect(i18n.t('roleAdmin.editor.selectedCount', { count: 2 })).toBe('2 selecionados');
    expect(i18n.t('roleAdmin.editor.selectedCount', { count: 1 })).toBe('1 selecionado');
    await i18n.changeLanguage('en');
  });

  it('translates the targets the server names in English', async () => {
    await i18n.changeLanguage('es');
    expect(describeAuditTarget('account', 'API keys', i18n.t)).toBe('Claves de API');
    expect(describeAuditTarget('settings', 'API key settings', i18n.t)).toBe(
      'Configuración de claves de API',
    );
    expect(describeAuditTarget('api-key', 'kw-demo-1', i18n.t)).toBe('kw-demo-1');
    await i18n.changeLanguage('en');
  });

  it('labels a leak report and an inactivity deactivation', async () => {
    const leak = JSON.stringify({ url: 'https://github.com/o/r', source: 'content', type: 'kwt' });
    expect(describeAuditDetails('api-key.leaked', leak, i18n.t)).toBe(
      'Found at: https://github.com/o/r · Source: content · Token type: kwt',
    );
    await i18n.changeLanguage('es');
    const policy = JSON.stringify({ reason: 'inactivity', policy: 'inactivity policy: 90 days' });
    expect(describeAuditDetails('api-key.deactivated', policy, i18n.t)).toBe(
      'Motivo: inactivity · Política: inactivity policy: 90 days',
    );
    await i18n.changeLanguage('en');
  });
});
