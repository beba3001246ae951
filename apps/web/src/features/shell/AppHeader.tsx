import { DownOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Layout, Menu, Skeleton, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { NotificationBell } from '@/features/notifications';
import { LanguageSwitch } from '@/i18n/LanguageSwitch';
import { BrandMark } from '@/shared/brand/BrandMark';
import { LiveIndicator } from './LiveIndicator';
import { activeNavKey, navEntriesFor, navItemsFor, type NavGroupKey, type NavItem } from './navigation';
import './shell.css';

const groupKey = (key: NavGroupKey) => `group:${key}`;

export const AppHeader_viewer = graphql(`
  fragment AppHeader_viewer on User {
    fullName
    role
    province {
      id
      name
    }
    can {
      registerTrip
      seeOwnTrips
      decideTrips
      seeIncoming
      readFeed
      submitDepartmentPlan
      readDashboard
      readCentralComparison
      readReports
      readMeetings
      readInspections
      readModels
      readRecommendations
      readFeedback
      manageRoster
      manageUnits
      editRules
      managePlanning
      manageAccounts
      importData
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
  const items = navItemsFor(viewer?.can);
  const selected = activeNavKey(pathname, items);
  const entries = navEntriesFor(items);
  const activeGroup = entries.find((e) => e.kind === 'group' && e.items.some((i) => i.key === selected));
  const [drawerOpenKeys, setDrawerOpenKeys] = useState<string[]>([]);

  const linkOf = (item: NavItem) => ({
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
  });
  // On the bar a group's entry shows a chevron; the drawer's inline menu draws its own arrows.
  const menuItems = (chevron: boolean): MenuProps['items'] =>
    entries.map((entry) => {
      if (entry.kind === 'item') return linkOf(entry.item);
      const unseen = unseenEvents > 0 && entry.items.some((i) => i.key === 'feed');
      const title = t(`nav.group.${entry.key}`);
      return {
        key: groupKey(entry.key),
        label: (
          <>
            {unseen ? (
              <Badge dot offset={[6, 0]}>
                {title}
              </Badge>
            ) : (
              title
            )}
            {chevron && <DownOutlined aria-hidden className="app-header__chevron" />}
          </>
        ),
        children: entry.items.map(linkOf),
      };
    });
  const openDrawer = () => {
    // The drawer opens on the group of the page the user is on.
    setDrawerOpenKeys(activeGroup?.kind === 'group' ? [groupKey(activeGroup.key)] : []);
    setDrawerOpen(true);
  };

  return (
    <Layout.Header className="app-header">
      {items.length > 0 && (
        <Button
          className="app-header__menu-button"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('nav.open')}
          aria-expanded={drawerOpen}
          onClick={openDrawer}
        />
      )}
      <Link to="/" className="app-header__home">
        <BrandMark />
      </Link>
      {items.length > 0 && (
        <nav className="app-header__nav" aria-label={t('nav.label')}>
          <Menu
            mode="horizontal"
            selectedKeys={selected ? [selected] : []}
            items={menuItems(true)}
            triggerSubMenuAction="click"
            // The open group stays inside the navigation landmark, so its links belong to it.
            getPopupContainer={(node) => node.closest('nav') ?? document.body}
            disabledOverflow
          />
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
        <LiveIndicator />
        <NotificationBell />
        <LanguageSwitch />
        {/* Where the menu is a drawer, signing out is its last entry; the bar keeps the labelled button. */}
        <Button
          icon={<LogoutOutlined aria-hidden />}
          onClick={onSignOut}
          className={items.length > 0 ? 'app-header__signout app-header__signout--in-drawer' : 'app-header__signout'}
          title={t('auth.signOut')}
        >
          <span className="app-header__signout-text">{t('auth.signOut')}</span>
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
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            openKeys={drawerOpenKeys}
            onOpenChange={setDrawerOpenKeys}
            items={menuItems(false)}
            inlineIndent={16}
            className="app-drawer__menu"
          />
        </nav>
        <div className="app-drawer__account">
          {viewer && (
            <p className="app-drawer__viewer">
              <span className="app-header__name">{viewer.fullName}</span>
              <span className="app-header__meta">
                {t(`role.${viewer.role}`)}
                {viewer.province && <> · {viewer.province.name}</>}
              </span>
            </p>
          )}
          <Menu
            mode="inline"
            selectable={false}
            aria-label={t('account.title')}
            items={[{ key: 'signout', icon: <LogoutOutlined aria-hidden />, label: t('auth.signOut') }]}
            onClick={() => {
              setDrawerOpen(false);
              onSignOut();
            }}
            className="app-drawer__menu"
          />
        </div>
      </Drawer>
    </Layout.Header>
  );
}
