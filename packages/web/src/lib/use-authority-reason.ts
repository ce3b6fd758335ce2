import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { resourceLabel } from './resource-labels';

type LackedResource = { key: string; name: string };

/** The refusal in the viewer's words, naming what they lack; null when they lack nothing. */
export const authorityReason = (
  t: TFunction,
  i18n: I18n,
  lacked: readonly LackedResource[],
): string | null => {
  if (lacked.length === 0) return null;
  const names = lacked.map((resource) => resourceLabel(t, resource.key, resource.name));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
  return t('authority.lacks', { resources: list });
};

/**
 * Why the viewer may not act on a principal (SPEC 5, "hold what you touch"), in the viewer's
 * words, or null when it may. The server decides (`viewerLacks`); the SPA only explains.
 */
export const useAuthorityReason = (viewerLacks: readonly LackedResource[]): string | null => {
  const { t, i18n } = useTranslation();
  return authorityReason(t, i18n, viewerLacks);
};
