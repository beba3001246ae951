import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LoginMutation as LoginData, LoginMutationVariables } from '@/gql/graphql';

/**
 * Written with `gql` rather than the generated `graphql()`: that function carries every operation of
 * the app, and the sign-in route should load none of them. Codegen still reads it and types it.
 */
export const LoginMutation: TypedDocumentNode<LoginData, LoginMutationVariables> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        id
        fullName
      }
    }
  }
`;
