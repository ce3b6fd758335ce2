/** The list's and the alert banner's operation names: refetched after changes to keys. */
export const refetchGeneratedKeys = ['GeneratedKeys', 'GeneratedKeysAlertSummary'];
