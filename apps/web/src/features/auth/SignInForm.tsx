import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Credentials } from './useLogin';

// Mirrors the API's rule for usernames; the server lower-cases what it receives.
const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const USERNAME_MIN = 3;

interface SignInFormProps {
  onSubmit: (credentials: Credentials) => void;
  submitting: boolean;
  /** The server's message for the last attempt, shown until the user edits the form. */
  serverError: string | null;
  onEdit: () => void;
}

export function SignInForm({ onSubmit, submitting, serverError, onEdit }: SignInFormProps) {
  const { t } = useTranslation();

  return (
    <Form<Credentials>
      layout="vertical"
      requiredMark={false}
      size="large"
      disabled={submitting}
      onValuesChange={onEdit}
      onFinish={({ username, password }) => onSubmit({ username: username.trim().toLowerCase(), password })}
    >
      <Form.Item
        label={t('auth.signIn.username')}
        name="username"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('auth.signIn.usernameRequired') },
          { min: USERNAME_MIN, message: t('auth.signIn.usernameTooShort', { min: USERNAME_MIN }) },
          {
            validator: (_, value: string | undefined) =>
              !value || USERNAME_PATTERN.test(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.signIn.usernameInvalid'))),
          },
        ]}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('auth.signIn.password')}
        name="password"
        rules={[{ required: true, message: t('auth.signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      {serverError && (
        <Form.Item>
          <Alert type="error" showIcon title={serverError} role="alert" />
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.signIn.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
