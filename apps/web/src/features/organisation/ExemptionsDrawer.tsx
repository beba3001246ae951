import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Empty, Form, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { skipToken, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData } from '@/gql';
import type { CadreRow_CadreFragment, ExemptionKind } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { DATE_FORMAT, formatDateRange, toLocalDate, type Dayjs } from '@/shared/format/date';
import { ExemptionRow_exemption, TripsDuringExemptionQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { byLastName, placeServerError } from '@/shared/forms/serverErrors';
import { useCreateExemption, useDeleteExemption } from './organisation.mutations';

/** A maternity exemption for a cadre not recorded as female needs a reason this long (roster.service.ts). */
const MATERNITY_NOTE_MIN = 20;

export const EXEMPTION_KINDS: readonly ExemptionKind[] = ['MATERNITY', 'LONG_STUDY', 'LONG_SICK_LEAVE', 'OTHER'];

interface ExemptionFormValues {
  kind: ExemptionKind;
  dates: [Dayjs, Dayjs] | null;
  approvedBy: string;
  note: string;
}

const fieldOf = (last: string): string | undefined =>
  last === 'startDate' || last === 'endDate' ? 'dates' : ['kind', 'approvedBy', 'note'].includes(last) ? last : undefined;

/** A cadre's exemptions (maternity, long study, long sick leave…): the list, a form to add one, removal. */
export function ExemptionsDrawer({ cadre, onClose }: { cadre: CadreRow_CadreFragment | null; onClose: () => void }) {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExemptionFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [create, { loading: creating }] = useCreateExemption();
  const [remove] = useDeleteExemption();
  const dates = Form.useWatch('dates', form);
  const kind = Form.useWatch('kind', form);
  // Maternity for a cadre the roster does not record as female needs a written reason (the API asks the same).
  const maternityNeedsReason = kind === 'MATERNITY' && !!cadre && cadre.gender !== 'FEMALE';
  // Said before saving: trips already approved or taken that the exemption would cover.
  const { data: inside } = useQuery(
    TripsDuringExemptionQuery,
    dates && cadre
      ? {
          variables: { cadreId: cadre.id, startDate: toLocalDate(dates[0]), endDate: toLocalDate(dates[1]) },
          fetchPolicy: 'network-only',
        }
      : skipToken,
  );
  const trips = dates ? (inside?.tripsDuringExemption ?? []) : [];
  const exemptions = cadre
    ? [...(getFragmentData(ExemptionRow_exemption, cadre.exemptions) ?? [])].sort((a, b) =>
        b.startDate.localeCompare(a.startDate),
      )
    : [];

  const add = async () => {
    if (!cadre) return;
    let values: ExemptionFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.dates) return;
    setFailure(null);
    try {
      await create({
        variables: {
          input: {
            cadreId: cadre.id,
            kind: values.kind,
            startDate: toLocalDate(values.dates[0]),
            endDate: toLocalDate(values.dates[1]),
            approvedBy: values.approvedBy.trim(),
            note: values.note.trim(),
          },
        },
      });
      form.resetFields();
      void message.success(t('org.exemption.added'));
    } catch (error) {
      if (!placeServerError(form, error, byLastName(fieldOf))) setFailure(errorMessage(error, tt));
    }
  };

  const removeOne = async (id: string) => {
    try {
      await remove({
        variables: { id },
      });
      void message.success(t('org.exemption.removed'));
    } catch (error) {
      void message.error(errorMessage(error, tt));
    }
  };

  return (
    <Drawer
      open={!!cadre}
      onClose={onClose}
      title={cadre ? t('org.exemption.title', { name: cadre.fullName }) : ''}
      size="large"
      destroyOnHidden
      closable={{ 'aria-label': t('org.close') }}
    >
      <Typography.Paragraph type="secondary">{t('org.exemption.intro')}</Typography.Paragraph>
      <List
        className="org-exemptions"
        dataSource={exemptions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.exemption.empty')} /> }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t('org.exemption.removeConfirm')}
                okText={t('org.exemption.remove')}
                cancelText={t('org.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void removeOne(e.id)}
              >
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('org.exemption.removeLabel', { range: formatDateRange(e.startDate, e.endDate) })}
                />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  <Tag>{t(`org.exemptionKind.${e.kind}`)}</Tag> {formatDateRange(e.startDate, e.endDate)}
                </span>
              }
              description={[t('org.exemption.approvedByValue', { who: e.approvedBy }), e.note].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={3} className="org-section-title">
        {t('org.exemption.addTitle')}
      </Typography.Title>
      <Form<ExemptionFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'MATERNITY', dates: null, approvedBy: '', note: '' }}
        disabled={creating}
        onValuesChange={() => setFailure(null)}
        onFinish={() => void add()}
      >
        <Form.Item label={t('org.exemption.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={EXEMPTION_KINDS.map((k) => ({ value: k, label: t(`org.exemptionKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('org.exemption.dates')}
          name="dates"
          dependencies={['kind']}
          extra={`${t('org.exemption.datesHelp')} ${t('org.exemption.overlapKinds')}`}
          rules={[
            { required: true, message: t('org.exemption.datesRequired') },
            ({ getFieldValue }) => ({
              validator: (_, range: [Dayjs, Dayjs] | null) => {
                // Long study counts only from six months on (Hướng dẫn 03-HD/TWĐTN-BTC).
                if (!range || getFieldValue('kind') !== 'LONG_STUDY') return Promise.resolve();
                return range[1].isBefore(range[0].add(6, 'month').subtract(1, 'day'), 'day')
                  ? Promise.reject(new Error(t('org.exemption.studyTooShort')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={[t('org.exemption.startDate'), t('org.exemption.endDate')]}
          />
        </Form.Item>
        <Form.Item
          label={t('org.exemption.approvedBy')}
          name="approvedBy"
          validateFirst
          rules={[
            { required: true, whitespace: true, message: t('org.exemption.approvedByRequired') },
            { min: 2, max: 200, message: t('org.exemption.approvedByLength') },
          ]}
        >
          <Input maxLength={200} placeholder={t('org.exemption.approvedByPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('org.exemption.note')}
          name="note"
          dependencies={['kind']}
          extra={
            maternityNeedsReason
              ? `${t('org.exemption.maternityReasonHelp', { min: MATERNITY_NOTE_MIN })} ${t('org.exemption.notePrivate')}`
              : t('org.exemption.notePrivate')
          }
          rules={[
            { max: 1000, message: t('org.tooLong', { max: 1000 }) },
            {
              validator: (_, text: string | undefined) =>
                maternityNeedsReason && [...(text ?? '').trim()].length < MATERNITY_NOTE_MIN
                  ? Promise.reject(new Error(t('org.exemption.maternityReasonRequired', { min: MATERNITY_NOTE_MIN })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        {trips.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="org-form__alert"
            title={t('org.exemption.tripsInside', { count: trips.length })}
            description={
              <>
                <ul>
                  {trips.map((trip) => (
                    <li key={trip.tripId}>
                      {t(trip.done ? 'org.exemption.tripDone' : 'org.exemption.tripPlanned', {
                        title: trip.title,
                        range: formatDateRange(trip.startDate, trip.endDate),
                        days: trip.daysInside,
                      })}
                    </li>
                  ))}
                </ul>
                {t('org.exemption.tripsNote')} <Link to="/figures">{t('org.exemption.howFigures')}</Link>
              </>
            }
          />
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} className="org-form__alert" />}
        <Button type="primary" htmlType="submit" loading={creating}>
          {t('org.exemption.add')}
        </Button>
      </Form>
    </Drawer>
  );
}
