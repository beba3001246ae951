interface PageOptions {
  totalCount?: number;
  hasNextPage?: boolean;
  endCursor?: string | null;
}

/**
 * A cursor page as the API answers it, for a mocked response: `connection('UserConnection', nodes)`
 * is the whole list; pass `{ totalCount, hasNextPage, endCursor }` for one page of a longer one.
 */
export function connection(
  typename: string,
  nodes: readonly unknown[],
  { totalCount = nodes.length, hasNextPage = false, endCursor = null }: PageOptions = {},
) {
  return { __typename: typename, totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor }, nodes };
}
