/** The list's operation name: refetched after changes that add, move or remove keys. */
export const refetchExternalKeys = ['ExternalKeys'];
