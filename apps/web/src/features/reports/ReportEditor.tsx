import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPage_ReportFragment } from '@/gql/graphql';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { FinalizeModal } from './FinalizeModal';
import {
  ActivityFigures,
  IndicatorFigures,
  InspectionFigures,
  KindFigures,
  MeetingFigures,
  TimeFigures,
  TopicFigures,
} from './ReportFigures';
import { useSaveReportNarrative } from './useSaveReportNarrative';

type Report = ReportPage_ReportFragment;
type Narrative = Omit<Report['narrative'], '__typename'>;
type FieldName = keyof Narrative;

const TEXT_MAX = 20_000;
const LINE_MAX = 100;
const FIELDS: readonly FieldName[] = [
  'directives',
  'topics',
  'coordination',
  'inspections',
  'meetings',
  'time',
  'strengths',
  'limitations',
  'directions',
  'place',
  'signerTitle',
  'signerName',
];

const valuesOf = (report: Report): Narrative =>
  Object.fromEntries(FIELDS.map((name) => [name, report.narrative[name]])) as unknown as Narrative;

/** "input.topics" from the API as the form's field name. */
const fieldOf = (path: string | undefined): FieldName | undefined => {
  const name = path?.replace(/^input\./, '');
  return FIELDS.find((f) => f === name);
};

interface ReportEditorProps {
  report: Report;
  /** Reloads the report after someone else changed it. */
  reload: () => Promise<unknown>;
}

/** The report's sections: the engine's figures, each with its editable paragraphs (or the saved text). */
export function ReportEditor({ report, reload }: ReportEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Narrative>();
  const [save, { loading: saving }] = useSaveReportNarrative();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [finalizing, setFinalizing] = useState(false);
  const saved = valuesOf(report);
  const editable = report.viewerCan.edit;
  const figures = report.figures;

  // Reloaded after a conflict: fields the user did not touch follow the server, the rest stay as typed.
  useEffect(() => {
    const fresh = valuesOf(report);
    const untouched = FIELDS.filter((name) => !form.isFieldTouched(name));
    form.setFieldsValue(Object.fromEntries(untouched.map((name) => [name, fresh[name]])));
  }, [report, form]);

  const submit = async () => {
    let typed: Narrative;
    try {
      typed = await form.validateFields();
    } catch {
      return;
    }
    setFailure(null);
    setConflict(null);
    try {
      await save({
        variables: { input: { provinceId: report.provinceId, year: report.year, version: report.version, ...typed } },
      });
      message.success(t('reports.saved'));
    } catch (error) {
      const problem = apiError(error);
      const field = problem?.code === 'BAD_USER_INPUT' ? fieldOf(problem.field) : undefined;
      if (field && problem) {
        form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        form.scrollToField(field, { block: 'center' });
      } else if (problem?.code === 'CONFLICT') {
        setConflict(errorMessage(error, t));
        await reload();
      } else {
        setFailure(errorMessage(error, t));
      }
    }
  };

  const text = (name: FieldName, rows = 4): ReactNode =>
    editable ? (
      <Form.Item
        name={name}
        label={t(`reports.field.${name}`)}
        extra={t('reports.narrativeHelp')}
        rules={[{ max: TEXT_MAX, message: t('reports.tooLong', { max: TEXT_MAX }) }]}
      >
        <Input.TextArea autoSize={{ minRows: rows, maxRows: 16 }} />
      </Form.Item>
    ) : (
      <div className="report-narrative">
        {report.narrative[name] ? (
          report.narrative[name].split('\n').map((line, i) => <Typography.Paragraph key={i}>{line}</Typography.Paragraph>)
        ) : (
          <Typography.Text type="secondary">{t('reports.empty')}</Typography.Text>
        )}
      </div>
    );

  const line = (name: 'place' | 'signerTitle' | 'signerName', required: boolean): ReactNode => (
    <Form.Item
      name={name}
      label={t(`reports.field.${name}`)}
      rules={[
        ...(required ? [{ required: true, whitespace: true, message: t('reports.required') }] : []),
        { max: LINE_MAX, message: t('reports.tooLong', { max: LINE_MAX }) },
      ]}
    >
      <Input disabled={!editable} />
    </Form.Item>
  );

  const section = (title: string, children: ReactNode) => (
    <Card title={<h2 className="card-title">{title}</h2>} className="report-section">
      {children}
    </Card>
  );

  return (
    <>
      <Form form={form} layout="vertical" initialValues={saved} onFinish={() => void submit()} className="report-editor">
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={t('reports.conflictTitle')}
            description={`${conflict} ${t('reports.conflictReloaded')}`}
          />
        )}
        {failure && <Alert type="error" showIcon title={failure} />}
        {section(
          t('reports.section.results'),
          <>
            <h3>{t('reports.section.directives')}</h3>
            {text('directives')}
            <h3>{t('reports.section.kinds')}</h3>
            <KindFigures figures={figures} />
            <h3>{t('reports.section.topics')}</h3>
            {text('topics')}
            <TopicFigures figures={figures} />
            <h3>{t('reports.section.coordination')}</h3>
            {text('coordination')}
            <ActivityFigures figures={figures} />
            <h3>{t('reports.section.inspections')}</h3>
            {text('inspections')}
            <InspectionFigures figures={figures} />
            <h3>{t('reports.section.meetings')}</h3>
            {text('meetings')}
            <MeetingFigures figures={figures} />
            <h3>{t('reports.section.time')}</h3>
            {text('time', 2)}
            <TimeFigures figures={figures} />
          </>,
        )}
        {section(
          t('reports.section.assessment'),
          <>
            <h3>{t('reports.section.strengths')}</h3>
            {text('strengths')}
            <h3>{t('reports.section.limitations')}</h3>
            {text('limitations')}
            <IndicatorFigures figures={figures} />
          </>,
        )}
        {section(t('reports.section.directions'), text('directions', 6))}
        {section(
          t('reports.section.signature'),
          <div className="report-signature">
            {line('place', true)}
            {line('signerTitle', true)}
            {line('signerName', false)}
          </div>,
        )}
        {editable && (
          <ReportActions
            saved={saved}
            saving={saving}
            onFinalize={report.viewerCan.finalize ? () => setFinalizing(true) : null}
          />
        )}
      </Form>
      {finalizing && <FinalizeModal report={report} onClose={() => setFinalizing(false)} onConflict={reload} />}
    </>
  );
}

/** Save and finalize; only this bar follows every keystroke, to tell whether there is anything unsaved. */
function ReportActions({
  saved,
  saving,
  onFinalize,
}: {
  saved: Narrative;
  saving: boolean;
  /** Null when the API does not offer issuing this report. */
  onFinalize: (() => void) | null;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Narrative>();
  const values = Form.useWatch([], form) as Narrative | undefined;
  const dirty = !!values && FIELDS.some((name) => (values[name] ?? '') !== saved[name]);
  return (
    <div className="form-actions">
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('reports.save')}
      </Button>
      {onFinalize && (
        <Button danger disabled={dirty || saving} onClick={onFinalize}>
          {t('reports.finalize')}
        </Button>
      )}
      {dirty && <Typography.Text type="secondary">{t('reports.unsaved')}</Typography.Text>}
    </div>
  );
}
