import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '@/shared/apollo/errors';
import { getToken } from '@/shared/auth/token';
import { BrandMark } from '@/shared/brand/BrandMark';
import { LanguageSwitch } from '@/i18n/LanguageSwitch';
import { SignInForm } from './SignInForm';
import { useLogin } from './useLogin';

export interface SignInLocationState {
  from?: string;
  expired?: boolean;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInLocationState;
  const { login, loading, error, reset } = useLogin();

  if (getToken()) return <Navigate to={state.from ?? '/'} replace />;

  return (
    <main className="signin">
      {/* The band holds the brand and its tagline whole, white on the union's blue; the form sits below it. */}
      <div className="signin__band">
        <div className="signin__lang">
          <LanguageSwitch />
        </div>
        <div className="signin__brand">
          <BrandMark size={48} />
          <Typography.Text className="signin__tagline">{t('app.tagline')}</Typography.Text>
        </div>
      </div>
      <div className="signin__panel">
        <section className="signin__card" aria-labelledby="signin-title">
          <Typography.Title level={1} id="signin-title" className="signin__title">
            {t('auth.signIn.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.signIn.subtitle')}</Typography.Paragraph>
          {state.expired && !error && (
            <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          <SignInForm
            submitting={loading}
            serverError={error ? errorMessage(error, t) : null}
            onEdit={() => {
              if (error) reset();
            }}
            onSubmit={(credentials) => {
              void login(credentials).then((signedIn) => {
                if (signedIn) void navigate(state.from ?? '/', { replace: true });
              });
            }}
          />
        </section>
        <Typography.Text type="secondary" className="signin__footer">
          {t('app.union')}
        </Typography.Text>
      </div>
    </main>
  );
}
