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
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    ...EditApiKeyModal_apiKey\n  }\n": typeof types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n  }\n": typeof types.EditApiKeyModal_ApiKeyFragmentDoc,
    "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n": typeof types.RoleMultiSelect_RoleFragmentDoc,
    "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.ActivateApiKeyDocument,
    "\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": typeof types.DeactivateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n": typeof types.DeleteApiKeyDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": typeof types.GenerateApiKeyDocument,
    "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n": typeof types.GeneratedKeysDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SwitchAccountDocument,
    "\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    ...EditApiKeyModal_apiKey\n  }\n": types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n  }\n": types.EditApiKeyModal_ApiKeyFragmentDoc,
    "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n": types.RoleMultiSelect_RoleFragmentDoc,
    "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.ActivateApiKeyDocument,
    "\n  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {\n    deactivateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n": types.DeactivateApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      deletedApiKeyId\n    }\n  }\n": types.DeleteApiKeyDocument,
    "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n": types.GenerateApiKeyDocument,
    "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n": types.RolesDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n": types.GeneratedKeysDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        account {\n          id\n        }\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      me {\n        account {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SwitchAccountDocument,
    "\n  query Viewer {\n    me {\n      kind\n      resources\n      user {\n        id\n        name\n        email\n      }\n      account {\n        id\n        name\n        slug\n      }\n      accounts {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.ViewerDocument,
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
export function graphql(source: "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    ...EditApiKeyModal_apiKey\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    createdAt\n    lastUsedAt\n    roles {\n      id\n      name\n    }\n    ...EditApiKeyModal_apiKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment EditApiKeyModal_apiKey on ApiKey {\n    id\n    key\n    name\n    status\n    roles {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n"): (typeof documents)["\n  fragment RoleMultiSelect_role on Role {\n    id\n    name\n    predefined\n    resources {\n      key\n      name\n      productKey\n      productName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateApiKey($input: ActivateApiKeyInput!) {\n    activateApiKey(input: $input) {\n      apiKey {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateApiKey($input: GenerateApiKeyInput!) {\n    generateApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      id\n      ...RoleMultiSelect_role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GeneratedKeys(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ApiKeyFilter\n    $orderBy: ApiKeyOrder\n  ) {\n    generatedKeys(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      filter: $filter\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...ApiKeyRow_apiKey\n        }\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;