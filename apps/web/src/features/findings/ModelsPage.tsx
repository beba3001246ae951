import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelField, Replication } from '@/gql/graphql';
import { ExportButton } from '@/features/transfer';
import { useViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { nameCollator } from '@/shared/format/collator';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { GoodModelsQuery } from './findings.operations';
import { useFindingsTranslation } from './findingsI18n';
import { CreateModelModal, ReplicationModal, type ReplicatedModel } from './ModelModals';
import { MODEL_FIELDS, REPLICATION_COLOR, REPLICATIONS } from './modelLabels';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingEvents } from './useFindingEvents';
import './findings.css';

/** Good models found at the grassroots: searched without diacritics, filtered, replicated. */
export function ModelsPage() {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const { can } = useViewerCan();
  const [search, setSearch] = useState('');
  const [field, setField] = useState<ModelField | null>(null);
  const [replication, setReplication] = useState<Replication | null>(null);
  const [creating, setCreating] = useState(false);
  const [replicating, setReplicating] = useState<ReplicatedModel | null>(null);
  const debounced = useDebouncedValue(search.trim(), 300);
  const allowed = !!can?.readModels;
  const { data, previousData, loading, error, list } = usePagedList(GoodModelsQuery, (d) => d.goodModels, {
    variables: { search: debounced || null, field, replication },
    skip: !allowed,
    notifyOnNetworkStatusChange: true,
  });
  useFindingEvents(['MODEL_FOUND'], ['GoodModels']);

  if (!can) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!allowed) return <Result status="403" title={t('findings.forbidden')} />;
  const connection = (data ?? previousData)?.goodModels;
  const filtered = !!debounced || !!field || !!replication;

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('findings.models.title')}
        </Typography.Title>
        <Space wrap>
          <ExportButton list="models" variables={{ search: debounced || null, field, replication }} />
          {can.recordModels && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('findings.models.create')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('findings.models.intro')}</Typography.Paragraph>
      <div className="findings-filters" role="search">
        <Input.Search
          aria-label={t('findings.models.search')}
          placeholder={t('findings.models.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          loading={loading && !!debounced}
        />
        <Select<ModelField | null>
          aria-label={t('findings.models.field')}
          value={field}
          onChange={setField}
          options={[
            { value: null, label: t('findings.models.allFields') },
            ...MODEL_FIELDS.map((f) => ({ value: f, label: t(`findings.modelField.${f}`) })).sort((a, b) =>
              nameCollator.compare(a.label, b.label),
            ),
          ]}
        />
        <Select<Replication | null>
          aria-label={t('findings.models.replication')}
          value={replication}
          onChange={setReplication}
          options={[
            { value: null, label: t('findings.models.allReplications') },
            ...REPLICATIONS.map((r) => ({ value: r, label: t(`findings.replication.${r}`) })),
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !connection ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={filtered ? t('findings.models.noMatch') : t('findings.models.empty')} />
      ) : (
        <ul className="findings-grid">
          {connection.nodes.map((model) => (
            <li key={model.id}>
              <Card size="small" className="findings-card">
                <div className="findings-card__tags">
                  <Tag color={REPLICATION_COLOR[model.replication]}>{t(`findings.replication.${model.replication}`)}</Tag>
                  <Tag>{t(`findings.modelField.${model.field}`)}</Tag>
                </div>
                <Typography.Title level={2} className="findings-card__title">
                  {model.name}
                </Typography.Title>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {model.unit.name}
                </Typography.Text>
                {model.description && (
                  <Typography.Paragraph
                    className="findings-card__text"
                    ellipsis={{ rows: 3, expandable: true, symbol: t('findings.common.more') }}
                  >
                    {model.description}
                  </Typography.Paragraph>
                )}
                {model.replicatedAt.length > 0 && (
                  <Typography.Paragraph className="findings-card__meta">
                    {t('findings.models.alreadyAt', {
                      units: model.replicatedAt
                        .map((u) => u.name)
                        .sort(nameCollator.compare)
                        .join(', '),
                    })}
                  </Typography.Paragraph>
                )}
                {model.viewerCan.setReplication && (
                  <Space wrap className="findings-card__actions">
                    <Button size="small" onClick={() => setReplicating(model)}>
                      {t('findings.models.setReplication')}
                    </Button>
                  </Space>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
      <CreateModelModal open={creating} onClose={() => setCreating(false)} />
      <ReplicationModal model={replicating} onClose={() => setReplicating(null)} />
    </Card>
  );
}
