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
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        fullName\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment AccountCard_viewer on User {\n    id\n    username\n    fullName\n    role\n    province {\n      id\n      name\n      kind\n      predecessors {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AccountCard_ViewerFragmentDoc,
    "\n  query Home {\n    me {\n      id\n      ...AccountCard_viewer\n    }\n    provinces {\n      id\n      ...ProvincesTable_province\n    }\n  }\n": typeof types.HomeDocument,
    "\n  fragment ProvincesTable_province on Province {\n    id\n    code\n    name\n    status\n    mergedOn\n    successor {\n      id\n      name\n    }\n  }\n": typeof types.ProvincesTable_ProvinceFragmentDoc,
    "\n  fragment AppHeader_viewer on User {\n    fullName\n    role\n    province {\n      id\n      name\n    }\n  }\n": typeof types.AppHeader_ViewerFragmentDoc,
    "\n  query Shell {\n    me {\n      id\n      ...AppHeader_viewer\n    }\n  }\n": typeof types.ShellDocument,
};
const documents: Documents = {
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        fullName\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment AccountCard_viewer on User {\n    id\n    username\n    fullName\n    role\n    province {\n      id\n      name\n      kind\n      predecessors {\n        id\n        name\n      }\n    }\n  }\n": types.AccountCard_ViewerFragmentDoc,
    "\n  query Home {\n    me {\n      id\n      ...AccountCard_viewer\n    }\n    provinces {\n      id\n      ...ProvincesTable_province\n    }\n  }\n": types.HomeDocument,
    "\n  fragment ProvincesTable_province on Province {\n    id\n    code\n    name\n    status\n    mergedOn\n    successor {\n      id\n      name\n    }\n  }\n": types.ProvincesTable_ProvinceFragmentDoc,
    "\n  fragment AppHeader_viewer on User {\n    fullName\n    role\n    province {\n      id\n      name\n    }\n  }\n": types.AppHeader_ViewerFragmentDoc,
    "\n  query Shell {\n    me {\n      id\n      ...AppHeader_viewer\n    }\n  }\n": types.ShellDocument,
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
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        fullName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        id\n        fullName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountCard_viewer on User {\n    id\n    username\n    fullName\n    role\n    province {\n      id\n      name\n      kind\n      predecessors {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AccountCard_viewer on User {\n    id\n    username\n    fullName\n    role\n    province {\n      id\n      name\n      kind\n      predecessors {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      ...AccountCard_viewer\n    }\n    provinces {\n      id\n      ...ProvincesTable_province\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      ...AccountCard_viewer\n    }\n    provinces {\n      id\n      ...ProvincesTable_province\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProvincesTable_province on Province {\n    id\n    code\n    name\n    status\n    mergedOn\n    successor {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProvincesTable_province on Province {\n    id\n    code\n    name\n    status\n    mergedOn\n    successor {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppHeader_viewer on User {\n    fullName\n    role\n    province {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AppHeader_viewer on User {\n    fullName\n    role\n    province {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      ...AppHeader_viewer\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      ...AppHeader_viewer\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;