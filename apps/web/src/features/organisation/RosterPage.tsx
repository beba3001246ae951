import { EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '@/gql';
import type { CadreFilter, CadreRow_CadreFragment } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { CadreFormModal, useDepartmentOptions } from './CadreFormModal';
import { ExemptionsDrawer } from './ExemptionsDrawer';
import { CadreRow_cadre, ExemptionRow_exemption, RosterQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { CanGate } from './CanGate';
import './organisation.css';
import { useClearable } from '@/shared/forms/useClearable';

export const PAGE_SIZE = 20;
type Category = 'agencyStaff' | 'executiveMember';

export function RosterPage() {
  return <CanGate can="manageRoster">{() => <Roster />}</CanGate>;
}

/** The province's cadres, the people the "1+2" policy counts: paged, filtered, edited by the organisation department. */
function Roster() {
  const clearable = useClearable();
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [category, setCategory] = useState<Category | undefined>();
  const [subjectNow, setSubjectNow] = useState(false);
  const departments = useDepartmentOptions();
  // Unset filters are left out: the API reads an explicit null category as "must be null" and finds no one.
  const filter: CadreFilter = {
    search: debounced || undefined,
    departmentId,
    agencyStaff: category === 'agencyStaff' ? true : undefined,
    executiveMember: category === 'executiveMember' ? true : undefined,
    subjectOn: subjectNow ? todayLocalDate() : undefined,
  };
  const { data, previousData, loading, error, list } = usePagedList(RosterQuery, (d) => d.cadres, {
    variables: { first: PAGE_SIZE, filter },
  });
  const connection = (data ?? previousData)?.cadres;
  const cadres = getFragmentData(CadreRow_cadre, connection?.nodes ?? []);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [exemptionsOf, setExemptionsOf] = useState<string | null>(null);
  const editedCadre = editing?.id ? (cadres.find((c) => c.id === editing.id) ?? null) : null;
  const filtered = !!(debounced || departmentId || category || subjectNow);

  const columns: TableColumnsType<CadreRow_CadreFragment> = [
    {
      title: t('org.cadre.fullName'),
      key: 'name',
      render: (_, c) => (
        <div>
          <div className="org-strong">{c.fullName}</div>
          <Typography.Text type="secondary" className="org-small">
            {c.position}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('org.cadre.department'), key: 'department', render: (_, c) => c.department?.name ?? '—' },
    {
      title: t('org.cadre.category'),
      key: 'category',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.agencyStaff && <Tag color="blue">{t('org.category.agencyStaffShort')}</Tag>}
          {c.executiveMember && <Tag color="purple">{t('org.category.executiveMemberShort')}</Tag>}
        </Space>
      ),
    },
    { title: t('org.cadre.term'), key: 'term', render: (_, c) => c.term ?? '—' },
    {
      title: t('org.cadre.subjectPeriod'),
      key: 'subject',
      render: (_, c) => (
        <span className="nowrap">
          {!c.subjectFrom
            ? '—'
            : c.subjectTo
              ? `${formatLocalDate(c.subjectFrom)} – ${formatLocalDate(c.subjectTo)}`
              : t('org.cadre.subjectSince', { date: formatLocalDate(c.subjectFrom) })}
        </span>
      ),
    },
    {
      title: t('org.cadre.exemptions'),
      key: 'exemptions',
      render: (_, c) => {
        const list = getFragmentData(ExemptionRow_exemption, c.exemptions) ?? [];
        const today = todayLocalDate();
        const current = list.find((e) => e.startDate <= today && e.endDate >= today);
        return current ? (
          <Tag color="orange">{t(`org.exemptionKind.${current.kind}`)}</Tag>
        ) : list.length > 0 ? (
          t('org.cadre.exemptionCount', { count: list.length })
        ) : (
          '—'
        );
      },
    },
    {
      title: <span className="org-sr-only">{t('org.actions')}</span>,
      key: 'actions',
      // The actions stay in view while a narrow screen scrolls the other columns.
      fixed: 'end',
      width: 96,
      render: (_, c) => (
        <Space size={4}>
          <Tooltip title={t('org.edit')}>
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('org.cadre.editLabel', { name: c.fullName })}
              onClick={() => setEditing({ id: c.id })}
            />
          </Tooltip>
          <Tooltip title={t('org.exemption.open')}>
            <Button
              size="small"
              icon={<SafetyCertificateOutlined aria-hidden />}
              aria-label={t('org.exemption.openLabel', { name: c.fullName })}
              onClick={() => setExemptionsOf(c.id)}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('org.roster.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('org.roster.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ id: null })}>
          {t('org.cadre.add')}
        </Button>
      </div>
      <div className="org-filters" role="search">
        <Input.Search
          allowClear
          aria-label={t('org.roster.search')}
          placeholder={t('org.roster.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <Select
          allowClear={clearable}
          aria-label={t('org.roster.departmentFilter')}
          placeholder={t('org.roster.departmentFilter')}
          value={departmentId}
          onChange={setDepartmentId}
          options={departments.options}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select<Category>
          allowClear={clearable}
          aria-label={t('org.roster.categoryFilter')}
          placeholder={t('org.roster.categoryFilter')}
          value={category}
          onChange={setCategory}
          options={[
            { value: 'agencyStaff', label: t('org.category.agencyStaff') },
            { value: 'executiveMember', label: t('org.category.executiveMember') },
          ]}
        />
        <Select<'all' | 'now'>
          aria-label={t('org.roster.subjectFilter')}
          value={subjectNow ? 'now' : 'all'}
          onChange={(v) => setSubjectNow(v === 'now')}
          options={[
            { value: 'all', label: t('org.roster.subjectAll') },
            { value: 'now', label: t('org.roster.subjectNow') },
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      {connection && (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t('org.roster.count', { count: connection.totalCount })}
        </Typography.Paragraph>
      )}
      <Table<CadreRow_CadreFragment>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={cadres}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('org.roster.noMatch') : t('org.roster.empty')}
            />
          ),
        }}
      />
      <LoadMore list={list} />
      <CadreFormModal
        open={!!editing}
        cadre={editedCadre}
        onClose={() => setEditing(null)}
        onSaved={(name) => void message.success(t('org.cadre.saved', { name }))}
      />
      <ExemptionsDrawer cadre={cadres.find((c) => c.id === exemptionsOf) ?? null} onClose={() => setExemptionsOf(null)} />
    </Card>
  );
}
