import { LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql } from '@/gql';
import type { AccountsPage_AccountFragment, Role } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { AccountFormModal, PROVINCE_ROLES, type AccountFormValues } from './AccountFormModal';
import { useOrgTranslation } from './orgI18n';
import { CanGate } from './CanGate';
import './organisation.css';
import { useCreateAccount, useSetAccountActive } from './organisation.mutations';
import { useClearable } from '@/shared/forms/useClearable';

export const AccountsPageQuery = graphql(`
  query AccountsPage($first: Int!, $after: String, $search: String, $role: Role) {
    accounts(first: $first, after: $after, search: $search, role: $role) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AccountsPage_account
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** An account as a row of the list shows it. */
export const AccountsPage_account = graphql(`
  fragment AccountsPage_account on User {
    id
    fullName
    username
    role
    active
    cadreId
    unitId
    viewerCan {
      activate
      deactivate
    }
  }
`);

type Account = AccountsPage_AccountFragment;

export function AccountsPage() {
  return <CanGate can="manageAccounts">{(viewer) => <Accounts viewerId={viewer.id} />}</CanGate>;
}

/** The province's accounts: find one by name or sign-in name, add one, lock or reopen one. */
function Accounts({ viewerId }: { viewerId: string }) {
  const clearable = useClearable();
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const { data, previousData, loading, error, list } = usePagedList(AccountsPageQuery, (d) => d.accounts, {
    variables: { first: PAGE_SIZE, search: debounced || null, role: role ?? null },
  });
  const connection = (data ?? previousData)?.accounts;
  const [creating, setCreating] = useState(false);
  const [create] = useCreateAccount();
  const [setActive] = useSetAccountActive();
  const [busy, setBusy] = useState<string | null>(null);
  const filtered = !!(debounced || role);

  const onCreate = async (values: AccountFormValues) => {
    await create({
      variables: {
        input: {
          role: values.role,
          fullName: values.fullName.trim(),
          username: values.username,
          password: values.password,
          cadreId: values.role === 'HOST_UNIT' ? null : (values.cadreId ?? null),
          unitId: values.role === 'HOST_UNIT' ? (values.unitId ?? null) : null,
        },
      },
    });
  };

  const toggle = async (account: Account) => {
    setBusy(account.id);
    try {
      await setActive({ variables: { id: account.id, active: !account.active } });
      void message.success(
        account.active
          ? t('org.account.deactivated', { name: account.fullName })
          : t('org.account.activated', { name: account.fullName }),
      );
    } catch (failure) {
      void message.error(errorMessage(failure, tt));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<Account> = [
    {
      title: t('org.account.fullName'),
      key: 'name',
      render: (_, a) => (
        <span className="org-unit-name">
          <span className={a.active ? 'org-strong' : 'org-ended'}>{a.fullName}</span>
          {a.id === viewerId && <Tag className="org-tag-gap">{t('org.account.you')}</Tag>}
        </span>
      ),
    },
    { title: t('org.account.username'), dataIndex: 'username', key: 'username' },
    { title: t('org.account.role'), key: 'role', render: (_, a) => tt(`role.${a.role}`) },
    {
      title: t('org.account.linked'),
      key: 'linked',
      render: (_, a) => (a.unitId ? t('org.account.linkedUnit') : a.cadreId ? t('org.account.linkedCadre') : '—'),
    },
    {
      title: t('org.account.status'),
      key: 'status',
      render: (_, a) => (a.active ? <Tag color="green">{t('org.account.active')}</Tag> : <Tag>{t('org.account.inactive')}</Tag>),
    },
    {
      title: <span className="org-sr-only">{t('org.actions')}</span>,
      key: 'actions',
      // Lock or reopen as the API allows (nobody locks their own account).
      render: (_, a) =>
        !(a.active ? a.viewerCan.deactivate : a.viewerCan.activate) ? null : (
          <Popconfirm
            title={
              a.active
                ? t('org.account.deactivateTitle', { name: a.fullName })
                : t('org.account.activateTitle', { name: a.fullName })
            }
            description={a.active ? t('org.account.deactivateConfirm') : t('org.account.activateConfirm')}
            okText={a.active ? t('org.account.deactivate') : t('org.account.activate')}
            okButtonProps={{ danger: a.active }}
            cancelText={t('org.cancel')}
            onConfirm={() => void toggle(a)}
          >
            <Button
              size="small"
              danger={a.active}
              loading={busy === a.id}
              icon={a.active ? <LockOutlined aria-hidden /> : <UnlockOutlined aria-hidden />}
              aria-label={
                a.active
                  ? t('org.account.deactivateLabel', { name: a.fullName })
                  : t('org.account.activateLabel', { name: a.fullName })
              }
            >
              {a.active ? t('org.account.deactivate') : t('org.account.activate')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('org.accounts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('org.accounts.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('org.account.add')}
        </Button>
      </div>
      <div className="org-filters" role="search">
        <Input.Search
          allowClear
          aria-label={t('org.accounts.search')}
          placeholder={t('org.accounts.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <Select<Role>
          allowClear={clearable}
          aria-label={t('org.accounts.roleFilter')}
          placeholder={t('org.accounts.roleFilter')}
          value={role}
          onChange={(next) => {
            setRole(next);
          }}
          options={[...PROVINCE_ROLES].map((r) => ({ value: r, label: tt(`role.${r}`) }))}
        />
      </div>
      <Typography.Paragraph type="secondary" aria-live="polite">
        {connection ? t('org.accounts.count', { count: connection.totalCount }) : null}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={getFragmentData(AccountsPage_account, connection?.nodes ?? [])}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('org.accounts.noMatch') : t('org.accounts.empty')}
            />
          ),
        }}
      />
      <LoadMore list={list} />
      <AccountFormModal
        open={creating}
        onClose={() => setCreating(false)}
        create={onCreate}
        onSaved={(name) => void message.success(t('org.account.created', { name }))}
      />
    </Card>
  );
}
