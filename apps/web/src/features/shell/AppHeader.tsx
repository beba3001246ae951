import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Layout, Menu, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { LanguageSwitch } from '@/i18n/LanguageSwitch';
import { BrandMark } from '@/shared/brand/BrandMark';
import { activeNavKey, navItemsFor } from './navigation';

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
  /** Events the viewer has not looked at yet, shown on "Hoạt động mới". */
  unseenEvents?: number;
}

export function AppHeader({ viewer: viewerRef, onSignOut, unseenEvents = 0 }: AppHeaderProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const viewer = getFragmentData(AppHeader_viewer, viewerRef);
  const items = navItemsFor(viewer?.role);
  const selected = activeNavKey(pathname, items);
  const menuItems = items.map((item) => ({
    key: item.key,
    label: (
      <Link to={item.path} onClick={() => setDrawerOpen(false)}>
        {item.key === 'feed' && unseenEvents > 0 ? (
          <Badge count={unseenEvents} size="small" offset={[10, -2]}>
            {t(`nav.${item.key}`)}
          </Badge>
        ) : (
          t(`nav.${item.key}`)
        )}
      </Link>
    ),
  }));

  return (
    <Layout.Header className="app-header">
      {items.length > 0 && (
        <Button
          className="app-header__menu-button"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('nav.open')}
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen(true)}
        />
      )}
      <Link to="/" className="app-header__home">
        <BrandMark />
      </Link>
      {items.length > 0 && (
        <nav className="app-header__nav" aria-label={t('nav.label')}>
          <Menu mode="horizontal" selectedKeys={selected ? [selected] : []} items={menuItems} disabledOverflow />
        </nav>
      )}
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
      <Drawer
        title={t('nav.label')}
        placement="left"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={280}
        className="app-drawer"
      >
        <nav aria-label={t('nav.label')}>
          <Menu mode="vertical" selectedKeys={selected ? [selected] : []} items={menuItems} className="app-drawer__menu" />
        </nav>
      </Drawer>
    </Layout.Header>
  );
}
