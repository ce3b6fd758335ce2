/** The list's operation name: lists are refetched after changes that move keys between pages. */
export const refetchGeneratedKeys = ['GeneratedKeys'];
