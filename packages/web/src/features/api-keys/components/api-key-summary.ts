/** What confirmation dialogs need to name the key they act on. */
export type ApiKeySummary = { id: string; key: string; name: string };
