import { useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '@/gql';
import type { CheckMode, PolicyRuleInput, RulesForm_RuleFragment } from '@/gql/graphql';
import { DateRangePicker } from '@/shared/forms/DateRangePicker';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { DATE_FORMAT, fromLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { PolicyRuleQuery, RulesForm_rule } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { CanGate } from './CanGate';
import { byLastName, placeServerError } from '@/shared/forms/serverErrors';
import './organisation.css';
import { useSetPolicyRule } from './organisation.mutations';

/** District-level unions ended with the 2025 reform (1 July 2025): a window starting then or later has no district minimum. */
const DISTRICTS_ENDED = '2025-07-01';
const MINIMUMS = ['minDaysDistrict', 'minDaysCommune', 'minDaysChapter'] as const;

const CHECKS = ['checkLateRegistration', 'checkDoubleBooking', 'checkHostLoad', 'checkTopicOverlap', 'checkExemptTrip'] as const;
const MODES: readonly CheckMode[] = ['BLOCK', 'WARN', 'OFF'];

export interface RulesFormValues {
  requiredDays: number | null;
  window: [Dayjs, Dayjs] | null;
  minDaysDistrict: number | null;
  minDaysCommune: number | null;
  minDaysChapter: number | null;
  reportRequired: boolean;
  reportDueDays: number | null;
  checkLateRegistration: CheckMode;
  checkDoubleBooking: CheckMode;
  checkHostLoad: CheckMode;
  checkTopicOverlap: CheckMode;
  checkExemptTrip: CheckMode;
  hostLoadMaxPerWeek: number | null;
  ownTripDecidedByOther: boolean;
  sickLeaveMinDays: number | null;
}

const valuesOf = (r: RulesForm_RuleFragment): RulesFormValues => ({
  requiredDays: r.requiredDays,
  window: [fromLocalDate(r.windowStart), fromLocalDate(r.windowEnd)],
  minDaysDistrict: r.minDaysDistrict ?? null,
  minDaysCommune: r.minDaysCommune ?? null,
  minDaysChapter: r.minDaysChapter ?? null,
  reportRequired: r.reportRequired,
  reportDueDays: r.reportDueDays,
  checkLateRegistration: r.checkLateRegistration,
  checkDoubleBooking: r.checkDoubleBooking,
  checkHostLoad: r.checkHostLoad,
  checkTopicOverlap: r.checkTopicOverlap,
  checkExemptTrip: r.checkExemptTrip,
  hostLoadMaxPerWeek: r.hostLoadMaxPerWeek,
  ownTripDecidedByOther: r.ownTripDecidedByOther,
  sickLeaveMinDays: r.sickLeaveMinDays,
});

const fieldOf = (last: string): string | undefined =>
  last === 'windowStart' || last === 'windowEnd' || last === 'year'
    ? 'window'
    : [
          'requiredDays',
          'minDaysDistrict',
          'minDaysCommune',
          'minDaysChapter',
          'reportRequired',
          'reportDueDays',
          'hostLoadMaxPerWeek',
          'ownTripDecidedByOther',
          'sickLeaveMinDays',
          ...CHECKS,
        ].includes(last)
      ? last
      : undefined;

export function RulesPage() {
  return <CanGate can="editRules">{() => <Rules />}</CanGate>;
}

/** The province's "1+2" rules for a year: days required, counting window, minimums per level and each check's mode. */
function Rules() {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, loading, error, refetch } = useQuery(PolicyRuleQuery, { variables: { year } });
  const rule = data ? getFragmentData(RulesForm_rule, data.policyRule) : undefined;

  return (
    <Card>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('org.rules.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('org.rules.intro')}</Typography.Text>
        </div>
        <Select<number>
          aria-label={t('org.year')}
          value={year}
          onChange={setYear}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
            value: y,
            label: t('org.yearValue', { year: y }),
          }))}
          className="org-year"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      {loading && !rule ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : rule && rule.year === year ? (
        <RulesForm key={year} rule={rule} reload={() => refetch()} />
      ) : null}
    </Card>
  );
}

function RulesForm({ rule, reload }: { rule: RulesForm_RuleFragment; reload: () => Promise<unknown> }) {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesFormValues>();
  const [save, { loading: saving }] = useSetPolicyRule();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const reportRequired = Form.useWatch('reportRequired', form);
  const hostLoad = Form.useWatch('checkHostLoad', form);
  const range = Form.useWatch('window', form);
  const windowStart = range?.[0] ? toLocalDate(range[0]) : rule.windowStart;
  const districts = windowStart < DISTRICTS_ENDED;
  const minimums = districts ? MINIMUMS : MINIMUMS.filter((name) => name !== 'minDaysDistrict');
  const yearStart = fromLocalDate(`${rule.year}-01-01`);
  const yearEnd = fromLocalDate(`${rule.year}-12-31`);

  // Reloaded after a conflict: fields the user did not touch follow the server, the rest stay as typed.
  useEffect(() => {
    const fresh = valuesOf(rule) as unknown as Record<string, unknown>;
    const untouched = Object.keys(fresh).filter((name) => !form.isFieldTouched(name as keyof RulesFormValues));
    form.setFieldsValue(Object.fromEntries(untouched.map((name) => [name, fresh[name]])));
  }, [rule, form]);

  const submit = async () => {
    let values: RulesFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.window || values.requiredDays === null || values.reportDueDays === null || values.hostLoadMaxPerWeek === null)
      return;
    const input: PolicyRuleInput = {
      requiredDays: values.requiredDays,
      windowStart: toLocalDate(values.window[0]),
      windowEnd: toLocalDate(values.window[1]),
      minDaysDistrict: districts ? values.minDaysDistrict : null,
      minDaysCommune: values.minDaysCommune,
      minDaysChapter: values.minDaysChapter,
      reportRequired: values.reportRequired,
      reportDueDays: values.reportDueDays,
      checkLateRegistration: values.checkLateRegistration,
      checkDoubleBooking: values.checkDoubleBooking,
      checkHostLoad: values.checkHostLoad,
      hostLoadMaxPerWeek: values.hostLoadMaxPerWeek,
      checkTopicOverlap: values.checkTopicOverlap,
      checkExemptTrip: values.checkExemptTrip,
      ownTripDecidedByOther: values.ownTripDecidedByOther,
      ...(values.sickLeaveMinDays === null ? {} : { sickLeaveMinDays: values.sickLeaveMinDays }),
    };
    setFailure(null);
    setConflict(null);
    try {
      await save({ variables: { year: rule.year, version: rule.version, input } });
      // A province's first save turns the central defaults into its own rule, with a version to check.
      await reload();
      void message.success(t('org.rules.saved', { year: rule.year }));
    } catch (error) {
      const problem = apiError(error);
      if (problem?.code === 'CONFLICT') {
        setConflict(errorMessage(error, tt));
        await reload();
      } else if (!placeServerError(form, error, byLastName(fieldOf))) {
        setFailure(errorMessage(error, tt));
      }
    }
  };

  const dayRules = (optional: boolean) => [
    ...(optional ? [] : [{ required: true, message: t('org.rules.daysRequired') }]),
    { type: 'integer' as const, min: 0, max: 366, message: t('org.rules.daysRange') },
  ];

  return (
    <Form<RulesFormValues>
      form={form}
      layout="vertical"
      initialValues={valuesOf(rule)}
      disabled={saving}
      onValuesChange={() => setFailure(null)}
      onFinish={() => void submit()}
      scrollToFirstError
      className="org-rules"
    >
      <Space wrap className="org-rules__state">
        {rule.version === 0 ? (
          <Tag color="default">{t('org.rules.defaults')}</Tag>
        ) : (
          <Tag color="blue">{t('org.rules.own', { version: rule.version })}</Tag>
        )}
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="org-form__alert"
          title={t('org.conflict.title')}
          description={`${conflict} ${t('org.conflict.reloaded')}`}
        />
      )}
      <Typography.Title level={2} className="org-section-title">
        {t('org.rules.section.days')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('org.rules.requiredDays')}
            name="requiredDays"
            rules={dayRules(false)}
            extra={t('org.rules.requiredDaysHelp')}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item
            label={t('org.rules.window')}
            name="window"
            extra={t('org.rules.windowHelp', { year: rule.year })}
            rules={[
              { required: true, message: t('org.rules.windowRequired') },
              {
                validator: (_, range: [Dayjs, Dayjs] | null) =>
                  !range || (range[0].year() === rule.year && range[1].year() === rule.year)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('org.rules.windowOutsideYear', { year: rule.year }))),
              },
            ]}
          >
            <DateRangePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={[t('org.rules.windowStart'), t('org.rules.windowEnd')]}
              minDate={yearStart}
              maxDate={yearEnd}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        {districts ? t('org.rules.minimumsHelp') : t('org.rules.minimumsHelpNoDistricts')}
      </Typography.Paragraph>
      <Row gutter={16}>
        {minimums.map((name) => (
          <Col xs={24} sm={24 / minimums.length} key={name}>
            <Form.Item label={t(`org.rules.${name}`)} name={name} rules={dayRules(true)}>
              <InputNumber precision={0} style={{ width: '100%' }} placeholder={t('org.rules.noMinimum')} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={2} className="org-section-title">
        {t('org.rules.section.reports')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.rules.reportRequired')}
            name="reportRequired"
            valuePropName="checked"
            extra={t('org.rules.reportRequiredHelp')}
          >
            <Switch checkedChildren={t('org.yes')} unCheckedChildren={t('org.no')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.rules.reportDueDays')}
            name="reportDueDays"
            extra={reportRequired ? t('org.rules.reportDueDaysHelp') : undefined}
            rules={[
              { required: true, message: t('org.rules.daysRequired') },
              { type: 'integer', min: 0, max: 365, message: t('org.rules.dueRange') },
            ]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={2} className="org-section-title">
        {t('org.rules.section.checks')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('org.rules.checksHelp')}</Typography.Paragraph>
      {CHECKS.map((name) => (
        <Form.Item key={name} label={t(`org.rules.${name}`)} name={name} className="org-check-row">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={MODES.map((m) => ({ value: m, label: t(`org.checkMode.${m}`) }))}
          />
        </Form.Item>
      ))}
      <Form.Item
        label={t('org.rules.hostLoadMaxPerWeek')}
        name="hostLoadMaxPerWeek"
        extra={hostLoad === 'OFF' ? t('org.rules.hostLoadOff') : t('org.rules.hostLoadHelp')}
        rules={[
          { required: true, message: t('org.rules.hostLoadRequired') },
          { type: 'integer', min: 1, max: 50, message: t('org.rules.hostLoadRange') },
        ]}
      >
        <InputNumber precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Typography.Title level={2} className="org-section-title">
        {t('org.rules.section.decisions')}
      </Typography.Title>
      <Form.Item
        label={t('org.rules.ownTripDecidedByOther')}
        name="ownTripDecidedByOther"
        valuePropName="checked"
        extra={t('org.rules.ownTripDecidedByOtherHelp')}
      >
        <Switch checkedChildren={t('org.yes')} unCheckedChildren={t('org.no')} />
      </Form.Item>
      <Typography.Title level={2} className="org-section-title">
        {t('org.rules.section.exemptions')}
      </Typography.Title>
      <Form.Item
        label={t('org.rules.sickLeaveMinDays')}
        name="sickLeaveMinDays"
        extra={t('org.rules.sickLeaveMinDaysHelp')}
        rules={[
          { required: true, message: t('org.rules.sickLeaveMinDaysRequired') },
          { type: 'integer', min: 1, max: 365, message: t('org.rules.sickLeaveMinDaysRange') },
        ]}
      >
        <InputNumber precision={0} style={{ width: 160 }} />
      </Form.Item>
      {failure && <Alert type="error" showIcon role="alert" title={failure} className="org-form__alert" />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('org.rules.save', { year: rule.year })}
        </Button>
        <Button
          htmlType="button"
          onClick={() => {
            form.resetFields();
            setConflict(null);
            setFailure(null);
          }}
        >
          {t('org.rules.undo')}
        </Button>
      </Space>
    </Form>
  );
}
