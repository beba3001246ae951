import { Alert, App, Button, Card, Empty, Form, Input, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectiveActionsQuery as ActionsData } from '@/gql/graphql';
import { FormDialog } from '@/shared/forms/FormDialog';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { useFindingsTranslation } from '@/features/findings';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { errorMessage } from '@/shared/apollo/errors';
import { formatLocalDate } from '@/shared/format/date';
import { CorrectiveActionsQuery } from './inspections.operations';
import { ACTION_COLOR } from './inspectionLabels';
import { useMarkCorrectiveActionDone, useVerifyCorrectiveAction } from './inspections.mutations';

type Action = ActionsData['correctiveActions']['nodes'][number];
type Filter = 'all' | 'overdue';

/** The inspection an action came from: its plan's title for the staff, the visit's title otherwise. */
function inspectionOf({ conclusion }: Action): { inspection: string; unit: string; date: string } {
  return {
    inspection: conclusion.plan?.title ?? conclusion.trip.title,
    unit: conclusion.unit.name,
    date: formatLocalDate(conclusion.trip.actualStart ?? conclusion.trip.startDate),
  };
}

/** Overdue first (highlighted), then by due date as the API orders them. */
function ordered(actions: readonly Action[]): Action[] {
  return [...actions].sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

/**
 * The corrective actions the viewer follows, with the buttons each action's `viewerCan` offers.
 * `withPlan`: name each inspection by its plan (the province's staff read plans; a host unit does not).
 */
export function CorrectiveActionsList({ withPlan }: { withPlan: boolean }) {
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [reporting, setReporting] = useState<Action | null>(null);
  const { data, loading, error, list } = usePagedList(CorrectiveActionsQuery, (d) => d.correctiveActions, {
    variables: { overdueOnly: filter === 'overdue', withPlan },
    notifyOnNetworkStatusChange: true,
  });
  const [verify] = useVerifyCorrectiveAction();

  const onVerify = (action: Action) => {
    modal.confirm({
      title: t('findings.actions.verifyConfirm'),
      content: action.description,
      okText: t('findings.actions.verify'),
      cancelText: t('findings.common.cancel'),
      onOk: async () => {
        try {
          await verify({ variables: { id: action.id, version: action.version } });
          void message.success(t('findings.actions.verified'));
        } catch (e) {
          void message.error(errorMessage(e, tApp));
        }
      },
    });
  };

  const connection = data?.correctiveActions;
  const actions = ordered(connection?.nodes ?? []);
  return (
    <section aria-labelledby="actions-title" className="findings-section">
      <div className="page-head">
        <Typography.Title level={2} id="actions-title" className="findings-section__title">
          {t('findings.actions.title')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('findings.actions.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('findings.actions.all') },
            { value: 'overdue', label: t('findings.actions.overdueOnly') },
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tApp)} />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : actions.length === 0 ? (
        <Empty description={filter === 'overdue' ? t('findings.actions.emptyOverdue') : t('findings.actions.empty')} />
      ) : (
        <ul className="findings-list">
          {actions.map((a) => (
            <li key={a.id}>
              <Card size="small" className={a.overdue ? 'findings-card findings-card--overdue' : 'findings-card'}>
                <div className="findings-card__tags">
                  <Tag color={ACTION_COLOR[a.status]}>{t(`findings.actionStatus.${a.status}`)}</Tag>
                  {a.overdue && <Tag color="red">{t('findings.common.overdue')}</Tag>}
                </div>
                <Typography.Paragraph className="findings-card__text">{a.description}</Typography.Paragraph>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {t('findings.inspections.actionSource', inspectionOf(a))}
                </Typography.Text>
                <Typography.Text type="secondary" className="findings-card__meta">
                  {t('findings.actions.meta', { unit: a.responsibleUnit.name, due: formatLocalDate(a.dueOn) })}
                </Typography.Text>
                {a.doneNote && (
                  <Typography.Paragraph className="findings-card__answer">
                    <strong>{t('findings.actions.doneNote')}:</strong> {a.doneNote}
                  </Typography.Paragraph>
                )}
                {(a.viewerCan.markDone || a.viewerCan.verify) && (
                  <Space wrap className="findings-card__actions">
                    {a.viewerCan.markDone && <Button onClick={() => setReporting(a)}>{t('findings.actions.markDone')}</Button>}
                    {a.viewerCan.verify && (
                      <Button type="primary" onClick={() => onVerify(a)}>
                        {t('findings.actions.verify')}
                      </Button>
                    )}
                  </Space>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {connection && <LoadMore list={list} />}
      <DoneModal action={reporting} onClose={() => setReporting(null)} />
    </section>
  );
}

function DoneModal({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [markDone] = useMarkCorrectiveActionDone();
  return (
    <FormDialog<{ note: string }>
      title={t('findings.actions.markDoneTitle')}
      open={!!action}
      onClose={onClose}
      form={form}
      okText={t('findings.actions.markDone')}
      fieldOf={fieldsNamed('note')}
      onSubmit={async ({ note }) => {
        if (!action) return;
        await markDone({ variables: { id: action.id, version: action.version, note: note.trim() } });
        void message.success(t('findings.actions.reported'));
      }}
    >
      {action && <Typography.Paragraph type="secondary">{action.description}</Typography.Paragraph>}
      <Form.Item
        label={t('findings.actions.note')}
        name="note"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.actions.noteRequired') },
          { min: 5, message: t('findings.common.min', { min: 5 }) },
          { max: 2000, message: t('findings.common.max', { max: 2000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormDialog>
  );
}
