import { CloudDownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '@/gql';
import type { UnitFilter, UnitKind, UnitRow_UnitFragment } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useRefetchLoaded } from '@/shared/paging/refetchLoaded';
import { formatLocalDate, todayLocalDate } from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { UnitRow_unit, UnitsPageQuery } from './organisation.operations';
import { useOrgTranslation, type OrgT } from './orgI18n';
import { CanGate } from './CanGate';
import { UNIT_KINDS, UnitFormModal } from './UnitFormModal';
import './organisation.css';
import { useImportCommunes } from './organisation.mutations';
import { useClearable } from '@/shared/forms/useClearable';

const PAGE_SIZE = 20;
const CHILD_PAGE = 50;

interface Children {
  nodes: UnitRow_UnitFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

/** A row of the tree: a unit, or the "more under …" row that loads the next page of a parent's children. */
type Row =
  (UnitRow_UnitFragment & { key: string; more?: undefined; children?: Row[] }) | { key: string; more: string; id: string };

const isUnit = (row: Row): row is Exclude<Row, { more: string }> => row.more === undefined;

export function UnitsPage() {
  return <CanGate can="manageUnits">{() => <Units />}</CanGate>;
}

function hardshipTags(u: UnitRow_UnitFragment, t: OrgT) {
  return (['remote', 'border', 'island'] as const)
    .filter((h) => u[h])
    .map((h) => (
      <Tag key={h} color="volcano">
        {t(`org.hardship.${h}`)}
      </Tag>
    ));
}

function validity(u: UnitRow_UnitFragment, t: OrgT): string {
  return u.validTo
    ? `${formatLocalDate(u.validFrom)} – ${formatLocalDate(u.validTo)}`
    : t('org.unit.validSince', { date: formatLocalDate(u.validFrom) });
}

/** The unit tree of the province: the agency, its departments, the unions below, with validity dates. */
function Units() {
  const clearable = useClearable();
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  const [hardshipOnly, setHardshipOnly] = useState(false);
  const [currentOnly, setCurrentOnly] = useState(false);
  const flat = !!(debounced || kinds.length || hardshipOnly || currentOnly);
  const filter: UnitFilter = flat
    ? {
        search: debounced || undefined,
        kinds: kinds.length ? kinds : undefined,
        hardshipOnly: hardshipOnly || undefined,
        validOn: currentOnly ? todayLocalDate() : undefined,
      }
    : { kinds: ['PROVINCIAL_AGENCY'] };
  const { data, previousData, loading, error, list } = usePagedList(UnitsPageQuery, (d) => d.units, {
    variables: { first: PAGE_SIZE, filter },
  });
  // Fetches again as many units as the list shows, so a change keeps the rows loaded with "Xem thêm".
  const refetch = useRefetchLoaded(['UnitsPage']);
  const connection = (data ?? previousData)?.units;
  const top = getFragmentData(UnitRow_unit, connection?.nodes ?? []);
  const [children, setChildren] = useState<Record<string, Children>>({});
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [loadingParents, setLoadingParents] = useState<readonly string[]>([]);
  const [form, setForm] = useState<{ unit: UnitRow_UnitFragment | null; parent: { id: string; name: string } | null } | null>(
    null,
  );
  const [importCommunes, { loading: importing }] = useImportCommunes();

  const loadChildren = async (parentId: string, after: string | null) => {
    setLoadingParents((prev) => [...prev, parentId]);
    try {
      const { data: page } = await client.query({
        query: UnitsPageQuery,
        variables: { first: CHILD_PAGE, after, filter: { parentId } },
        // The tree keeps the children it has loaded itself; the cache would join the pages a second time.
        fetchPolicy: 'no-cache',
      });
      if (!page) return;
      const nodes = getFragmentData(UnitRow_unit, page.units.nodes);
      setChildren((prev) => ({
        ...prev,
        [parentId]: {
          nodes: after ? [...(prev[parentId]?.nodes ?? []), ...nodes] : [...nodes],
          endCursor: page.units.pageInfo.endCursor ?? null,
          hasNextPage: page.units.pageInfo.hasNextPage,
          totalCount: page.units.totalCount,
        },
      }));
    } catch (failure) {
      void message.error(errorMessage(failure, tt));
    } finally {
      setLoadingParents((prev) => prev.filter((id) => id !== parentId));
    }
  };

  const rowOf = (u: UnitRow_UnitFragment): Row => {
    if (flat || u.kind === 'CHAPTER') return { ...u, key: u.id };
    const loaded = children[u.id];
    if (!loaded) return { ...u, key: u.id, children: [] };
    const rows = loaded.nodes.map(rowOf);
    if (loaded.hasNextPage) rows.push({ key: `${u.id}:more`, more: u.id, id: `${u.id}:more` });
    return { ...u, key: u.id, children: rows.length ? rows : undefined };
  };
  const rows = top.map(rowOf);

  const onSaved = (unit: UnitRow_UnitFragment, created: boolean) => {
    void message.success(created ? t('org.unit.created', { name: unit.name }) : t('org.unit.saved', { name: unit.name }));
    if (created && unit.parentId && children[unit.parentId]) void loadChildren(unit.parentId, null);
    if (!created && unit.parentId && children[unit.parentId]) {
      setChildren((prev) => {
        const list = prev[unit.parentId ?? ''];
        if (!list) return prev;
        return { ...prev, [unit.parentId ?? '']: { ...list, nodes: list.nodes.map((n) => (n.id === unit.id ? unit : n)) } };
      });
    }
    if (!unit.parentId || flat) void refetch();
  };

  const reloadAll = async () => {
    await refetch();
    await Promise.all(Object.keys(children).map((id) => loadChildren(id, null)));
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('org.unit.name'),
      key: 'name',
      render: (_, row) => {
        if (!isUnit(row)) {
          const parent = children[row.more];
          return (
            <Button
              size="small"
              loading={loadingParents.includes(row.more)}
              onClick={() => void loadChildren(row.more, parent?.endCursor ?? null)}
            >
              {t('org.unit.loadMoreChildren', { shown: parent?.nodes.length ?? 0, total: parent?.totalCount ?? 0 })}
            </Button>
          );
        }
        return (
          <span className="org-unit-name">
            <span className={row.validTo && row.validTo < todayLocalDate() ? 'org-ended' : 'org-strong'}>{row.name}</span>
            {flat && row.parent && (
              <Typography.Text type="secondary" className="org-small">
                {row.parent.name}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      title: t('org.unit.kind'),
      key: 'kind',
      render: (_, row) => (isUnit(row) ? t(`org.unitKind.${row.kind}`) : null),
    },
    {
      title: t('org.unit.validity'),
      key: 'validity',
      render: (_, row) =>
        isUnit(row) ? (
          <span className="nowrap">
            {validity(row, t)}
            {row.validTo && row.validTo < todayLocalDate() && <Tag className="org-tag-gap">{t('org.unit.ended')}</Tag>}
          </span>
        ) : null,
    },
    {
      title: t('org.unit.hardship'),
      key: 'hardship',
      render: (_, row) =>
        isUnit(row) ? (
          <Space size={2} wrap>
            {hardshipTags(row, t)}
          </Space>
        ) : null,
    },
    {
      title: t('org.unit.communeCode'),
      key: 'code',
      render: (_, row) => (isUnit(row) ? (row.communeCode ?? '') : null),
    },
    {
      title: <span className="org-sr-only">{t('org.actions')}</span>,
      key: 'actions',
      render: (_, row) =>
        isUnit(row) ? (
          <Space size={4}>
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('org.unit.editLabel', { name: row.name })}
              onClick={() => setForm({ unit: row, parent: null })}
            >
              {t('org.edit')}
            </Button>
            {row.kind !== 'CHAPTER' && (
              <Button
                size="small"
                icon={<PlusOutlined aria-hidden />}
                aria-label={t('org.unit.addChildLabel', { name: row.name })}
                onClick={() => setForm({ unit: null, parent: { id: row.id, name: row.name } })}
              />
            )}
          </Space>
        ) : null,
    },
  ];

  const onImport = async () => {
    try {
      const { data: result } = await importCommunes();
      const added = result?.importCommunes ?? 0;
      void message.success(added > 0 ? t('org.unit.imported', { count: added }) : t('org.unit.importedNone'));
      await reloadAll();
    } catch (failure) {
      void message.error(errorMessage(failure, tt));
    }
  };

  const editing = form?.unit ? (findUnit(form.unit.id, top, children) ?? form.unit) : null;

  return (
    <Card>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('org.units.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('org.units.intro')}</Typography.Text>
        </div>
        <Space wrap>
          <Popconfirm
            title={t('org.unit.importConfirmTitle')}
            description={t('org.unit.importConfirm')}
            okText={t('org.unit.import')}
            cancelText={t('org.cancel')}
            onConfirm={() => void onImport()}
          >
            <Button icon={<CloudDownloadOutlined aria-hidden />} loading={importing}>
              {t('org.unit.import')}
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ unit: null, parent: null })}>
            {t('org.unit.add')}
          </Button>
        </Space>
      </div>
      <div className="org-filters" role="search">
        <Input.Search
          allowClear
          aria-label={t('org.units.search')}
          placeholder={t('org.units.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <Select<UnitKind[]>
          mode="multiple"
          allowClear={clearable}
          aria-label={t('org.units.kindFilter')}
          placeholder={t('org.units.kindFilter')}
          value={kinds}
          onChange={setKinds}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.unitKind.${k}`) }))}
          maxTagCount="responsive"
        />
        <Checkbox checked={hardshipOnly} onChange={(e) => setHardshipOnly(e.target.checked)}>
          {t('org.units.hardshipOnly')}
        </Checkbox>
        <Checkbox checked={currentOnly} onChange={(e) => setCurrentOnly(e.target.checked)}>
          {t('org.units.currentOnly')}
        </Checkbox>
      </div>
      <Typography.Paragraph type="secondary" aria-live="polite">
        {flat ? (connection ? t('org.units.count', { count: connection.totalCount }) : null) : t('org.units.treeHelp')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, row) => {
            if (open && isUnit(row) && !children[row.id]) void loadChildren(row.id, null);
          },
          onExpandedRowsChange: setExpanded,
          expandRowByClick: false,
        }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={flat ? t('org.units.noMatch') : t('org.units.empty')} />
          ),
        }}
      />
      {flat && <LoadMore list={list} />}
      <UnitFormModal
        open={!!form}
        unit={editing}
        parent={form?.parent ?? null}
        onClose={() => setForm(null)}
        onSaved={onSaved}
        onConflict={reloadAll}
      />
    </Card>
  );
}

function findUnit(
  id: string,
  top: readonly UnitRow_UnitFragment[],
  children: Record<string, Children>,
): UnitRow_UnitFragment | undefined {
  return (
    top.find((u) => u.id === id) ??
    Object.values(children)
      .flatMap((c) => c.nodes)
      .find((u) => u.id === id)
  );
}
