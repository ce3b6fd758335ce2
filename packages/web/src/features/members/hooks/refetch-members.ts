/** The Users page's operation names: refetched after changes to members or invitations. */
export const refetchMembers = ['MembersPage', 'PendingInvitations'];
