import type { MessageKey } from '../../../locales';

export const maxKeyNameLength = 100;

/** Mirrors the server: 1 to 100 characters once trimmed. Returns a translation key or null. */
export const keyNameError = (name: string): MessageKey | null => {
  const trimmed = name.trim();
  if (!trimmed) return 'generateDialog.nameRequired';
  if (trimmed.length > maxKeyNameLength) return 'generateDialog.nameTooLong';
  return null;
};
