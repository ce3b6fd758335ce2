/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n": typeof types.RoleMultiSelect_RoleFragmentDoc,
    "\n  query GeneratedKeysAlertSummary {\n    generatedKeysAlertSummary {\n      orange\n      red\n      pendingOldTokenDeletions\n    }\n  }\n": typeof types.GeneratedKeysAlertSummaryDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    renewalPending\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedUrl\n    viewerLacks {\n      key\n      name\n    }\n    ...KeyCreator_apiKey\n    ...EditApiKeyModal_apiKey\n    ...TokenStatusCell_apiKey\n    ...UsageSparkline_apiKey\n  }\n": typeof types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment ApiKeySettingsForm_settings on ApiKeySettings {\n    tokenDurationDays\n    enforcement\n    reminderLeadDays\n    reminderRecipients\n    webhookUrl\n    webhookSigningSecret\n    deactivateLeakedKeys\n    inactivityDays\n  }\n": typeof types.ApiKeySettingsForm_SettingsFragmentDoc,
    "\n  query KeysFailingUnder($tokenDurationDays: Int!) {\n    generatedKeysFailingUnder(tokenDurationDays: $tokenDurationDays)\n  }\n": typeof types.KeysFailingUnderDocument,
    "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n    grantedAccounts {\n      id\n      slug\n      name\n    }\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedAt\n    leakedUrl\n    ...KeyCreator_apiKey\n  }\n": typeof types.EditApiKeyModal_ApiKeyFragmentDoc,
    "\n  query KeyAuditTrail($targetKey: String!, $first: Int!) {\n    auditEvents(first: $first, filter: { targetKey: $targetKey }) {\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          sourceIp\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.KeyAuditTrailDocument,
    "\n  fragment KeyCreator_apiKey on ApiKey {\n    createdBy {\n      kind\n      id\n      label\n      accountSlug\n    }\n  }\n": typeof types.KeyCreator_ApiKeyFragmentDoc,
    "\n  fragment KeyTokensCard_apiKey on ApiKey {\n    id\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n": typeof types.KeyTokensCard_ApiKeyFragmentDoc,
    "\n  query KeyUsageChart(\n    $id: ID!\n    $from: DateTimeISO!\n    $to: DateTimeISO!\n    $granularity: UsageGranularity!\n  ) {\n    apiKey(id: $id) {\n      id\n      usage(from: $from, to: $to, granularity: $granularity) {\n        from\n        to\n        granularity\n        buckets {\n          start\n          total\n          outcomes {\n            outcome\n            count\n          }\n        }\n        totals {\n          outcome\n          count\n        }\n        topSources {\n          address\n          count\n        }\n      }\n    }\n  }\n": typeof types.KeyUsageChartDocument,
    "\n  query TokenReminders($first: Int!) {\n    tokenReminders(first: $first) {\n      id\n      leadDays\n      tokenDueAt\n      status\n      attempts\n      sentAt\n      createdAt\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": typeof types.TokenRemindersDocument,
    "\n  fragment TokenStatusCell_apiKey on ApiKey {\n    id\n    alertLevel\n    tokenDueInDays\n    renewalPending\n    tokenCreatedAt\n    tokenExpiresAt\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n": typeof types.TokenStatusCell_ApiKeyFragmentDoc,
    "\n  fragment UsageSparkline_apiKey on ApiKey {\n    id\n    usageLast7Days\n  }\n": typeof types.UsageSparkline_ApiKeyFragmentDoc,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          eventType\n          status\n          attempts\n          lastResponseStatus\n          nextAttemptAt\n          lastAttemptAt\n          deliveredAt\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  fragment WebhookEndpoints_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    active\n    createdBy\n    createdAt\n  }\n": typeof types.WebhookEndpoints_EndpointFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpoints_endpoint\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.ActivateApiKeyDocument,
    "\n  mutation CreateSingleAccessLink($input: CreateSingleAccessLinkInput!) {\n    createSingleAccessLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n": typeof types.CreateSingleAccessLinkDocument,
    "\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.DeactivateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n": typeof types.DeleteApiKeyDocument,
    "\n  mutation DeleteOldToken($input: DeleteOldTokenInput!) {\n    deleteOldToken(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.DeleteOldTokenDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": typeof types.GenerateApiKeyDocument,
    "\n  mutation RenewApiToken($input: RenewApiTokenInput!) {\n    renewApiToken(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n      }\n    }\n  }\n": typeof types.RenewApiTokenDocument,
    "\n  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n        nextAttemptAt\n      }\n    }\n  }\n": typeof types.ResendWebhookDeliveryDocument,
    "\n  mutation UndoRenewal($input: UndoRenewalInput!) {\n    undoRenewal(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.UndoRenewalDocument,
    "\n  mutation UpdateApiKeySettings($input: UpdateApiKeySettingsInput!) {\n    updateApiKeySettings(input: $input) {\n      settings {\n        ...ApiKeySettingsForm_settings\n      }\n    }\n  }\n": typeof types.UpdateApiKeySettingsDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query ApiKeyDetail($id: ID!) {\n    apiKey(id: $id) {\n      id\n      key\n      name\n      status\n      leaked\n      leakedUrl\n      ...TokenStatusCell_apiKey\n      ...KeyTokensCard_apiKey\n      ...KeyCreator_apiKey\n    }\n  }\n": typeof types.ApiKeyDetailDocument,
    "\n  query ApiKeySettings {\n    apiKeySettings {\n      ...ApiKeySettingsForm_settings\n    }\n  }\n": typeof types.ApiKeySettingsDocument,
    "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n": typeof types.GeneratedKeysDocument,
    "\n  fragment AuditEventRow_auditEvent on AuditEvent {\n    id\n    action\n    actorKind\n    actorLabel\n    targetType\n    targetLabel\n    details\n    sourceIp\n    createdAt\n  }\n": typeof types.AuditEventRow_AuditEventFragmentDoc,
    "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...AuditEventRow_auditEvent\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      accountName\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation SetPassword($input: SetPasswordInput!) {\n    setPassword(input: $input) {\n      passwordSet\n      email\n    }\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SwitchAccountDocument,
    "\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation RevealSingleAccessLink($input: RevealSingleAccessLinkInput!) {\n    revealSingleAccessLink(input: $input) {\n      key\n      token\n    }\n  }\n": typeof types.RevealSingleAccessLinkDocument,
    "\n  fragment EditExternalKeyModal_externalKey on ExternalKey {\n    id\n    key\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n    }\n  }\n": typeof types.EditExternalKeyModal_ExternalKeyFragmentDoc,
    "\n  fragment ExternalKeyRow_externalKey on ExternalKey {\n    id\n    key\n    status\n    addedAt\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    keysCreatedHere\n    keysCreatedHereViewerLacks {\n      key\n      name\n    }\n    ...EditExternalKeyModal_externalKey\n  }\n": typeof types.ExternalKeyRow_ExternalKeyFragmentDoc,
    "\n  mutation AddExternalKey($input: AddExternalKeyInput!) {\n    addExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n": typeof types.AddExternalKeyDocument,
    "\n  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {\n    removeExternalKey(input: $input) {\n      removedExternalKeyId\n      deactivatedKeyCount\n    }\n  }\n": typeof types.RemoveExternalKeyDocument,
    "\n  mutation UpdateExternalKey($input: UpdateExternalKeyInput!) {\n    updateExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n": typeof types.UpdateExternalKeyDocument,
    "\n  query ExternalKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ExternalKeyFilter\n    $orderBy: ExternalKeyOrder\n  ) {\n    externalKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ExternalKeyRow_externalKey\n        }\n      }\n    }\n  }\n": typeof types.ExternalKeysDocument,
    "\n  fragment EditMemberModal_member on Member {\n    id\n    user {\n      id\n      email\n    }\n    roles {\n      id\n    }\n  }\n": typeof types.EditMemberModal_MemberFragmentDoc,
    "\n  fragment MemberRow_member on Member {\n    id\n    addedAt\n    user {\n      id\n      email\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    ...EditMemberModal_member\n  }\n": typeof types.MemberRow_MemberFragmentDoc,
    "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      invitedBy\n      expiresAt\n      roles {\n        id\n        name\n      }\n      viewerLacks {\n        key\n        name\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitationPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMemberId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      revokedInvitationId\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        ...MemberRow_member\n      }\n    }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  query MembersPage {\n    members {\n      id\n      ...MemberRow_member\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  query RoleHolders($id: ID!) {\n    roleHolders(id: $id) {\n      userCount\n      apiKeyCount\n      users {\n        id\n        email\n      }\n      apiKeys {\n        id\n        key\n        name\n        external\n      }\n    }\n  }\n": typeof types.RoleHoldersDocument,
    "\n  fragment ResourcePicker_resource on Resource {\n    key\n    name\n    productKey\n    productName\n  }\n": typeof types.ResourcePicker_ResourceFragmentDoc,
    "\n  fragment RoleCard_role on Role {\n    id\n    name\n    predefined\n    viewerLacks {\n      key\n      name\n    }\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n    ...RoleEditorModal_role\n  }\n": typeof types.RoleCard_RoleFragmentDoc,
    "\n  fragment RoleEditorModal_role on Role {\n    id\n    name\n    resources {\n      key\n    }\n  }\n": typeof types.RoleEditorModal_RoleFragmentDoc,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n": typeof types.DeleteRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  query RolesPage {\n    roles {\n      id\n      ...RoleCard_role\n    }\n    resources {\n      key\n      ...ResourcePicker_resource\n    }\n  }\n": typeof types.RolesPageDocument,
    "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n": typeof types.RolesDocument,
};
const documents: Documents = {
    "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n": types.RoleMultiSelect_RoleFragmentDoc,
    "\n  query GeneratedKeysAlertSummary {\n    generatedKeysAlertSummary {\n      orange\n      red\n      pendingOldTokenDeletions\n    }\n  }\n": types.GeneratedKeysAlertSummaryDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    renewalPending\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedUrl\n    viewerLacks {\n      key\n      name\n    }\n    ...KeyCreator_apiKey\n    ...EditApiKeyModal_apiKey\n    ...TokenStatusCell_apiKey\n    ...UsageSparkline_apiKey\n  }\n": types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment ApiKeySettingsForm_settings on ApiKeySettings {\n    tokenDurationDays\n    enforcement\n    reminderLeadDays\n    reminderRecipients\n    webhookUrl\n    webhookSigningSecret\n    deactivateLeakedKeys\n    inactivityDays\n  }\n": types.ApiKeySettingsForm_SettingsFragmentDoc,
    "\n  query KeysFailingUnder($tokenDurationDays: Int!) {\n    generatedKeysFailingUnder(tokenDurationDays: $tokenDurationDays)\n  }\n": types.KeysFailingUnderDocument,
    "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n    grantedAccounts {\n      id\n      slug\n      name\n    }\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedAt\n    leakedUrl\n    ...KeyCreator_apiKey\n  }\n": types.EditApiKeyModal_ApiKeyFragmentDoc,
    "\n  query KeyAuditTrail($targetKey: String!, $first: Int!) {\n    auditEvents(first: $first, filter: { targetKey: $targetKey }) {\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          sourceIp\n          createdAt\n        }\n      }\n    }\n  }\n": types.KeyAuditTrailDocument,
    "\n  fragment KeyCreator_apiKey on ApiKey {\n    createdBy {\n      kind\n      id\n      label\n      accountSlug\n    }\n  }\n": types.KeyCreator_ApiKeyFragmentDoc,
    "\n  fragment KeyTokensCard_apiKey on ApiKey {\n    id\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n": types.KeyTokensCard_ApiKeyFragmentDoc,
    "\n  query KeyUsageChart(\n    $id: ID!\n    $from: DateTimeISO!\n    $to: DateTimeISO!\n    $granularity: UsageGranularity!\n  ) {\n    apiKey(id: $id) {\n      id\n      usage(from: $from, to: $to, granularity: $granularity) {\n        from\n        to\n        granularity\n        buckets {\n          start\n          total\n          outcomes {\n            outcome\n            count\n          }\n        }\n        totals {\n          outcome\n          count\n        }\n        topSources {\n          address\n          count\n        }\n      }\n    }\n  }\n": types.KeyUsageChartDocument,
    "\n  query TokenReminders($first: Int!) {\n    tokenReminders(first: $first) {\n      id\n      leadDays\n      tokenDueAt\n      status\n      attempts\n      sentAt\n      createdAt\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": types.TokenRemindersDocument,
    "\n  fragment TokenStatusCell_apiKey on ApiKey {\n    id\n    alertLevel\n    tokenDueInDays\n    renewalPending\n    tokenCreatedAt\n    tokenExpiresAt\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n": types.TokenStatusCell_ApiKeyFragmentDoc,
    "\n  fragment UsageSparkline_apiKey on ApiKey {\n    id\n    usageLast7Days\n  }\n": types.UsageSparkline_ApiKeyFragmentDoc,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          eventType\n          status\n          attempts\n          lastResponseStatus\n          nextAttemptAt\n          lastAttemptAt\n          deliveredAt\n          createdAt\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  fragment WebhookEndpoints_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    active\n    createdBy\n    createdAt\n  }\n": types.WebhookEndpoints_EndpointFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpoints_endpoint\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.ActivateApiKeyDocument,
    "\n  mutation CreateSingleAccessLink($input: CreateSingleAccessLinkInput!) {\n    createSingleAccessLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n": types.CreateSingleAccessLinkDocument,
    "\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.DeactivateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n": types.DeleteApiKeyDocument,
    "\n  mutation DeleteOldToken($input: DeleteOldTokenInput!) {\n    deleteOldToken(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.DeleteOldTokenDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": types.GenerateApiKeyDocument,
    "\n  mutation RenewApiToken($input: RenewApiTokenInput!) {\n    renewApiToken(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n      }\n    }\n  }\n": types.RenewApiTokenDocument,
    "\n  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n        nextAttemptAt\n      }\n    }\n  }\n": types.ResendWebhookDeliveryDocument,
    "\n  mutation UndoRenewal($input: UndoRenewalInput!) {\n    undoRenewal(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.UndoRenewalDocument,
    "\n  mutation UpdateApiKeySettings($input: UpdateApiKeySettingsInput!) {\n    updateApiKeySettings(input: $input) {\n      settings {\n        ...ApiKeySettingsForm_settings\n      }\n    }\n  }\n": types.UpdateApiKeySettingsDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query ApiKeyDetail($id: ID!) {\n    apiKey(id: $id) {\n      id\n      key\n      name\n      status\n      leaked\n      leakedUrl\n      ...TokenStatusCell_apiKey\n      ...KeyTokensCard_apiKey\n      ...KeyCreator_apiKey\n    }\n  }\n": types.ApiKeyDetailDocument,
    "\n  query ApiKeySettings {\n    apiKeySettings {\n      ...ApiKeySettingsForm_settings\n    }\n  }\n": types.ApiKeySettingsDocument,
    "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n": types.GeneratedKeysDocument,
    "\n  fragment AuditEventRow_auditEvent on AuditEvent {\n    id\n    action\n    actorKind\n    actorLabel\n    targetType\n    targetLabel\n    details\n    sourceIp\n    createdAt\n  }\n": types.AuditEventRow_AuditEventFragmentDoc,
    "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...AuditEventRow_auditEvent\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      accountName\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation SetPassword($input: SetPasswordInput!) {\n    setPassword(input: $input) {\n      passwordSet\n      email\n    }\n  }\n": types.SetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SwitchAccountDocument,
    "\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation RevealSingleAccessLink($input: RevealSingleAccessLinkInput!) {\n    revealSingleAccessLink(input: $input) {\n      key\n      token\n    }\n  }\n": types.RevealSingleAccessLinkDocument,
    "\n  fragment EditExternalKeyModal_externalKey on ExternalKey {\n    id\n    key\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n    }\n  }\n": types.EditExternalKeyModal_ExternalKeyFragmentDoc,
    "\n  fragment ExternalKeyRow_externalKey on ExternalKey {\n    id\n    key\n    status\n    addedAt\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    keysCreatedHere\n    keysCreatedHereViewerLacks {\n      key\n      name\n    }\n    ...EditExternalKeyModal_externalKey\n  }\n": types.ExternalKeyRow_ExternalKeyFragmentDoc,
    "\n  mutation AddExternalKey($input: AddExternalKeyInput!) {\n    addExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n": types.AddExternalKeyDocument,
    "\n  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {\n    removeExternalKey(input: $input) {\n      removedExternalKeyId\n      deactivatedKeyCount\n    }\n  }\n": types.RemoveExternalKeyDocument,
    "\n  mutation UpdateExternalKey($input: UpdateExternalKeyInput!) {\n    updateExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n": types.UpdateExternalKeyDocument,
    "\n  query ExternalKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ExternalKeyFilter\n    $orderBy: ExternalKeyOrder\n  ) {\n    externalKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ExternalKeyRow_externalKey\n        }\n      }\n    }\n  }\n": types.ExternalKeysDocument,
    "\n  fragment EditMemberModal_member on Member {\n    id\n    user {\n      id\n      email\n    }\n    roles {\n      id\n    }\n  }\n": types.EditMemberModal_MemberFragmentDoc,
    "\n  fragment MemberRow_member on Member {\n    id\n    addedAt\n    user {\n      id\n      email\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    ...EditMemberModal_member\n  }\n": types.MemberRow_MemberFragmentDoc,
    "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      invitedBy\n      expiresAt\n      roles {\n        id\n        name\n      }\n      viewerLacks {\n        key\n        name\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitationPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMemberId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      revokedInvitationId\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        ...MemberRow_member\n      }\n    }\n  }\n": types.UpdateMemberDocument,
    "\n  query MembersPage {\n    members {\n      id\n      ...MemberRow_member\n    }\n  }\n": types.MembersPageDocument,
    "\n  query RoleHolders($id: ID!) {\n    roleHolders(id: $id) {\n      userCount\n      apiKeyCount\n      users {\n        id\n        email\n      }\n      apiKeys {\n        id\n        key\n        name\n        external\n      }\n    }\n  }\n": types.RoleHoldersDocument,
    "\n  fragment ResourcePicker_resource on Resource {\n    key\n    name\n    productKey\n    productName\n  }\n": types.ResourcePicker_ResourceFragmentDoc,
    "\n  fragment RoleCard_role on Role {\n    id\n    name\n    predefined\n    viewerLacks {\n      key\n      name\n    }\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n    ...RoleEditorModal_role\n  }\n": types.RoleCard_RoleFragmentDoc,
    "\n  fragment RoleEditorModal_role on Role {\n    id\n    name\n    resources {\n      key\n    }\n  }\n": types.RoleEditorModal_RoleFragmentDoc,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n": types.DeleteRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  query RolesPage {\n    roles {\n      id\n      ...RoleCard_role\n    }\n    resources {\n      key\n      ...ResourcePicker_resource\n    }\n  }\n": types.RolesPageDocument,
    "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n": types.RolesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n"): (typeof documents)["\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GeneratedKeysAlertSummary {\n    generatedKeysAlertSummary {\n      orange\n      red\n      pendingOldTokenDeletions\n    }\n  }\n"): (typeof documents)["\n  query GeneratedKeysAlertSummary {\n    generatedKeysAlertSummary {\n      orange\n      red\n      pendingOldTokenDeletions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    renewalPending\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedUrl\n    viewerLacks {\n      key\n      name\n    }\n    ...KeyCreator_apiKey\n    ...EditApiKeyModal_apiKey\n    ...TokenStatusCell_apiKey\n    ...UsageSparkline_apiKey\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    renewalPending\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedUrl\n    viewerLacks {\n      key\n      name\n    }\n    ...KeyCreator_apiKey\n    ...EditApiKeyModal_apiKey\n    ...TokenStatusCell_apiKey\n    ...UsageSparkline_apiKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeySettingsForm_settings on ApiKeySettings {\n    tokenDurationDays\n    enforcement\n    reminderLeadDays\n    reminderRecipients\n    webhookUrl\n    webhookSigningSecret\n    deactivateLeakedKeys\n    inactivityDays\n  }\n"): (typeof documents)["\n  fragment ApiKeySettingsForm_settings on ApiKeySettings {\n    tokenDurationDays\n    enforcement\n    reminderLeadDays\n    reminderRecipients\n    webhookUrl\n    webhookSigningSecret\n    deactivateLeakedKeys\n    inactivityDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysFailingUnder($tokenDurationDays: Int!) {\n    generatedKeysFailingUnder(tokenDurationDays: $tokenDurationDays)\n  }\n"): (typeof documents)["\n  query KeysFailingUnder($tokenDurationDays: Int!) {\n    generatedKeysFailingUnder(tokenDurationDays: $tokenDurationDays)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n    grantedAccounts {\n      id\n      slug\n      name\n    }\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedAt\n    leakedUrl\n    ...KeyCreator_apiKey\n  }\n"): (typeof documents)["\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n    grantedAccounts {\n      id\n      slug\n      name\n    }\n    allowedAddresses\n    rateLimitPerMinute\n    rateLimitPerDay\n    leaked\n    leakedAt\n    leakedUrl\n    ...KeyCreator_apiKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyAuditTrail($targetKey: String!, $first: Int!) {\n    auditEvents(first: $first, filter: { targetKey: $targetKey }) {\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          sourceIp\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyAuditTrail($targetKey: String!, $first: Int!) {\n    auditEvents(first: $first, filter: { targetKey: $targetKey }) {\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          sourceIp\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyCreator_apiKey on ApiKey {\n    createdBy {\n      kind\n      id\n      label\n      accountSlug\n    }\n  }\n"): (typeof documents)["\n  fragment KeyCreator_apiKey on ApiKey {\n    createdBy {\n      kind\n      id\n      label\n      accountSlug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyTokensCard_apiKey on ApiKey {\n    id\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n"): (typeof documents)["\n  fragment KeyTokensCard_apiKey on ApiKey {\n    id\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyUsageChart(\n    $id: ID!\n    $from: DateTimeISO!\n    $to: DateTimeISO!\n    $granularity: UsageGranularity!\n  ) {\n    apiKey(id: $id) {\n      id\n      usage(from: $from, to: $to, granularity: $granularity) {\n        from\n        to\n        granularity\n        buckets {\n          start\n          total\n          outcomes {\n            outcome\n            count\n          }\n        }\n        totals {\n          outcome\n          count\n        }\n        topSources {\n          address\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyUsageChart(\n    $id: ID!\n    $from: DateTimeISO!\n    $to: DateTimeISO!\n    $granularity: UsageGranularity!\n  ) {\n    apiKey(id: $id) {\n      id\n      usage(from: $from, to: $to, granularity: $granularity) {\n        from\n        to\n        granularity\n        buckets {\n          start\n          total\n          outcomes {\n            outcome\n            count\n          }\n        }\n        totals {\n          outcome\n          count\n        }\n        topSources {\n          address\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokenReminders($first: Int!) {\n    tokenReminders(first: $first) {\n      id\n      leadDays\n      tokenDueAt\n      status\n      attempts\n      sentAt\n      createdAt\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query TokenReminders($first: Int!) {\n    tokenReminders(first: $first) {\n      id\n      leadDays\n      tokenDueAt\n      status\n      attempts\n      sentAt\n      createdAt\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenStatusCell_apiKey on ApiKey {\n    id\n    alertLevel\n    tokenDueInDays\n    renewalPending\n    tokenCreatedAt\n    tokenExpiresAt\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n"): (typeof documents)["\n  fragment TokenStatusCell_apiKey on ApiKey {\n    id\n    alertLevel\n    tokenDueInDays\n    renewalPending\n    tokenCreatedAt\n    tokenExpiresAt\n    tokens {\n      id\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsageSparkline_apiKey on ApiKey {\n    id\n    usageLast7Days\n  }\n"): (typeof documents)["\n  fragment UsageSparkline_apiKey on ApiKey {\n    id\n    usageLast7Days\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          eventType\n          status\n          attempts\n          lastResponseStatus\n          nextAttemptAt\n          lastAttemptAt\n          deliveredAt\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          eventType\n          status\n          attempts\n          lastResponseStatus\n          nextAttemptAt\n          lastAttemptAt\n          deliveredAt\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpoints_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    active\n    createdBy\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpoints_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    active\n    createdBy\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpoints_endpoint\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpoints_endpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSingleAccessLink($input: CreateSingleAccessLinkInput!) {\n    createSingleAccessLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSingleAccessLink($input: CreateSingleAccessLinkInput!) {\n    createSingleAccessLink(input: $input) {\n      path\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOldToken($input: DeleteOldTokenInput!) {\n    deleteOldToken(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOldToken($input: DeleteOldTokenInput!) {\n    deleteOldToken(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewApiToken($input: RenewApiTokenInput!) {\n    renewApiToken(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenewApiToken($input: RenewApiTokenInput!) {\n    renewApiToken(input: $input) {\n      token\n      singleAccessLink {\n        path\n        expiresAt\n      }\n      apiKey {\n        id\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n        nextAttemptAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {\n    resendWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n        nextAttemptAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoRenewal($input: UndoRenewalInput!) {\n    undoRenewal(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UndoRenewal($input: UndoRenewalInput!) {\n    undoRenewal(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKeySettings($input: UpdateApiKeySettingsInput!) {\n    updateApiKeySettings(input: $input) {\n      settings {\n        ...ApiKeySettingsForm_settings\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKeySettings($input: UpdateApiKeySettingsInput!) {\n    updateApiKeySettings(input: $input) {\n      settings {\n        ...ApiKeySettingsForm_settings\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpoints_endpoint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedEndpointId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyDetail($id: ID!) {\n    apiKey(id: $id) {\n      id\n      key\n      name\n      status\n      leaked\n      leakedUrl\n      ...TokenStatusCell_apiKey\n      ...KeyTokensCard_apiKey\n      ...KeyCreator_apiKey\n    }\n  }\n"): (typeof documents)["\n  query ApiKeyDetail($id: ID!) {\n    apiKey(id: $id) {\n      id\n      key\n      name\n      status\n      leaked\n      leakedUrl\n      ...TokenStatusCell_apiKey\n      ...KeyTokensCard_apiKey\n      ...KeyCreator_apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeySettings {\n    apiKeySettings {\n      ...ApiKeySettingsForm_settings\n    }\n  }\n"): (typeof documents)["\n  query ApiKeySettings {\n    apiKeySettings {\n      ...ApiKeySettingsForm_settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventRow_auditEvent on AuditEvent {\n    id\n    action\n    actorKind\n    actorLabel\n    targetType\n    targetLabel\n    details\n    sourceIp\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AuditEventRow_auditEvent on AuditEvent {\n    id\n    action\n    actorKind\n    actorLabel\n    targetType\n    targetLabel\n    details\n    sourceIp\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...AuditEventRow_auditEvent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...AuditEventRow_auditEvent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      accountName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      accountName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($input: SetPasswordInput!) {\n    setPassword(input: $input) {\n      passwordSet\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation SetPassword($input: SetPasswordInput!) {\n    setPassword(input: $input) {\n      passwordSet\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealSingleAccessLink($input: RevealSingleAccessLinkInput!) {\n    revealSingleAccessLink(input: $input) {\n      key\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation RevealSingleAccessLink($input: RevealSingleAccessLinkInput!) {\n    revealSingleAccessLink(input: $input) {\n      key\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditExternalKeyModal_externalKey on ExternalKey {\n    id\n    key\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment EditExternalKeyModal_externalKey on ExternalKey {\n    id\n    key\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExternalKeyRow_externalKey on ExternalKey {\n    id\n    key\n    status\n    addedAt\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    keysCreatedHere\n    keysCreatedHereViewerLacks {\n      key\n      name\n    }\n    ...EditExternalKeyModal_externalKey\n  }\n"): (typeof documents)["\n  fragment ExternalKeyRow_externalKey on ExternalKey {\n    id\n    key\n    status\n    addedAt\n    ownerAccount {\n      id\n      slug\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    keysCreatedHere\n    keysCreatedHereViewerLacks {\n      key\n      name\n    }\n    ...EditExternalKeyModal_externalKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddExternalKey($input: AddExternalKeyInput!) {\n    addExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddExternalKey($input: AddExternalKeyInput!) {\n    addExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {\n    removeExternalKey(input: $input) {\n      removedExternalKeyId\n      deactivatedKeyCount\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {\n    removeExternalKey(input: $input) {\n      removedExternalKeyId\n      deactivatedKeyCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExternalKey($input: UpdateExternalKeyInput!) {\n    updateExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateExternalKey($input: UpdateExternalKeyInput!) {\n    updateExternalKey(input: $input) {\n      externalKey {\n        id\n        ...ExternalKeyRow_externalKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExternalKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ExternalKeyFilter\n    $orderBy: ExternalKeyOrder\n  ) {\n    externalKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ExternalKeyRow_externalKey\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExternalKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ExternalKeyFilter\n    $orderBy: ExternalKeyOrder\n  ) {\n    externalKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ExternalKeyRow_externalKey\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditMemberModal_member on Member {\n    id\n    user {\n      id\n      email\n    }\n    roles {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment EditMemberModal_member on Member {\n    id\n    user {\n      id\n      email\n    }\n    roles {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow_member on Member {\n    id\n    addedAt\n    user {\n      id\n      email\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    ...EditMemberModal_member\n  }\n"): (typeof documents)["\n  fragment MemberRow_member on Member {\n    id\n    addedAt\n    user {\n      id\n      email\n      name\n    }\n    roles {\n      id\n      name\n    }\n    viewerLacks {\n      key\n      name\n    }\n    ...EditMemberModal_member\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      invitedBy\n      expiresAt\n      roles {\n        id\n        name\n      }\n      viewerLacks {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations {\n    invitations {\n      id\n      email\n      invitedBy\n      expiresAt\n      roles {\n        id\n        name\n      }\n      viewerLacks {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitationPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitationPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMemberId\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMemberId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      revokedInvitationId\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      revokedInvitationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        ...MemberRow_member\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        ...MemberRow_member\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPage {\n    members {\n      id\n      ...MemberRow_member\n    }\n  }\n"): (typeof documents)["\n  query MembersPage {\n    members {\n      id\n      ...MemberRow_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleHolders($id: ID!) {\n    roleHolders(id: $id) {\n      userCount\n      apiKeyCount\n      users {\n        id\n        email\n      }\n      apiKeys {\n        id\n        key\n        name\n        external\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleHolders($id: ID!) {\n    roleHolders(id: $id) {\n      userCount\n      apiKeyCount\n      users {\n        id\n        email\n      }\n      apiKeys {\n        id\n        key\n        name\n        external\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourcePicker_resource on Resource {\n    key\n    name\n    productKey\n    productName\n  }\n"): (typeof documents)["\n  fragment ResourcePicker_resource on Resource {\n    key\n    name\n    productKey\n    productName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleCard_role on Role {\n    id\n    name\n    predefined\n    viewerLacks {\n      key\n      name\n    }\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n    ...RoleEditorModal_role\n  }\n"): (typeof documents)["\n  fragment RoleCard_role on Role {\n    id\n    name\n    predefined\n    viewerLacks {\n      key\n      name\n    }\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n    ...RoleEditorModal_role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleEditorModal_role on Role {\n    id\n    name\n    resources {\n      key\n    }\n  }\n"): (typeof documents)["\n  fragment RoleEditorModal_role on Role {\n    id\n    name\n    resources {\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        ...RoleCard_role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolesPage {\n    roles {\n      id\n      ...RoleCard_role\n    }\n    resources {\n      key\n      ...ResourcePicker_resource\n    }\n  }\n"): (typeof documents)["\n  query RolesPage {\n    roles {\n      id\n      ...RoleCard_role\n    }\n    resources {\n      key\n      ...ResourcePicker_resource\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;