import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { LanguageSwitch } from '@/i18n/LanguageSwitch';
import { BrandMark } from '@/shared/brand/BrandMark';

export const AppHeader_viewer = graphql(`
  fragment AppHeader_viewer on User {
    fullName
    role
    province {
      id
      name
    }
  }
`);

interface AppHeaderProps {
  viewer: FragmentType<typeof AppHeader_viewer> | undefined;
  onSignOut: () => void;
}

export function AppHeader({ viewer: viewerRef, onSignOut }: AppHeaderProps) {
  const { t } = useTranslation();
  const viewer = getFragmentData(AppHeader_viewer, viewerRef);

  return (
    <Layout.Header className="app-header">
      <Link to="/" className="app-header__home">
        <BrandMark />
      </Link>
      <div className="app-header__viewer" data-testid="viewer">
        {viewer ? (
          <>
            <span className="app-header__name">{viewer.fullName}</span>
            <span className="app-header__meta">
              {t(`role.${viewer.role}`)}
              {viewer.province && <> · {viewer.province.name}</>}
            </span>
          </>
        ) : (
          <Skeleton.Input active size="small" />
        )}
      </div>
      <div className="app-header__actions">
        <LanguageSwitch />
        <Button icon={<LogoutOutlined aria-hidden />} onClick={onSignOut}>
          <span className="app-header__signout-label">{t('auth.signOut')}</span>
        </Button>
      </div>
    </Layout.Header>
  );
}
