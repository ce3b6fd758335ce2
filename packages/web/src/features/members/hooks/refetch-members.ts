/** The Users page's operation name: refetched after changes that add or remove members. */
export const refetchMembers = ['MembersPage'];
