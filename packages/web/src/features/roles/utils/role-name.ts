import type { MessageKey } from '../../../locales';

export const maxRoleNameLength = 100;

/** Mirrors the server: 1 to 100 characters once trimmed. Returns a translation key or null. */
export const roleNameError = (name: string): MessageKey | null => {
  const trimmed = name.trim();
  if (!trimmed) return 'roleAdmin.editor.nameRequired';
  if (trimmed.length > maxRoleNameLength) return 'roleAdmin.editor.nameTooLong';
  return null;
};
