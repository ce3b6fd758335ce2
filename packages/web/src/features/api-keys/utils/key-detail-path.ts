/** The key detail page (usage, tokens, audit trail), opened from the key's name in the list. */
export const apiKeyDetailPath = (id: string) =>
  `/account/api-keys/generated/${encodeURIComponent(id)}`;
