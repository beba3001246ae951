import { useMutation } from '@apollo/client/react';
import { useSession } from '@/shared/auth/session';
import { LoginMutation } from './auth.operations';

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const session = useSession();
  const [mutate, { loading, error, reset }] = useMutation(LoginMutation);

  const login = async (credentials: Credentials): Promise<boolean> => {
    try {
      const { data } = await mutate({ variables: credentials });
      if (!data) return false;
      session.start(data.login.token);
      return true;
    } catch {
      // The error is kept by useMutation and shown by the form.
      return false;
    }
  };

  return { login, loading, error, reset };
}
