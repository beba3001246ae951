import { createContext, useContext } from 'react';

export interface Session {
  /** Stores the token of a fresh sign-in and re-authenticates the live connection. */
  start: (token: string) => void;
  /** Forgets the token and the cached data of the previous user, then shows the sign-in page. */
  end: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionContext');
  return session;
}
