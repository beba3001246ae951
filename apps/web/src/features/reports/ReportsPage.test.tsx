import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { DashboardViewerQuery } from '@/features/compliance';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { ReportsPage } from './ReportsPage';
import { AnnualReportQuery, FinalizeReportMutation, SaveReportNarrativeMutation } from './reports.operations';

// antd's forms are slow to render in jsdom on a shared machine.
jest.setTimeout(180_000);

const LAM_DONG = 68;

const province = always({
  request: { query: DashboardViewerQuery },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'user-1',
        province: { __typename: 'Province', id: LAM_DONG, name: 'Lâm Đồng', predecessors: [] },
      },
    },
  },
});

/** The organisation department: it reads and writes its province's report. */
const writer = [viewerCanMock(['readReports', 'writeReports']), province];
/** A cadre of the province: the report is theirs to read and download, not to write. */
const reader = [viewerCanMock(['readReports']), province];

const ratio = (count: number, total: number) => ({ __typename: 'Ratio', count, total });
const kind = (k: string, trips: number, days: number) => ({ __typename: 'KindFigures', kind: k, trips, days });

interface Over {
  status?: 'DRAFT' | 'FINAL';
  version?: number;
  topics?: string;
  number?: string | null;
  /** What the API lets the viewer do with the report; by default the writer's rights. */
  can?: { edit: boolean; finalize: boolean; download: boolean };
}

function report({ status = 'DRAFT', version = 1, topics = '', number = null, can }: Over = {}) {
  return {
    __typename: 'AnnualReport',
    provinceId: LAM_DONG,
    year: 2026,
    status,
    version,
    number,
    issuedOn: status === 'FINAL' ? '2026-11-27' : null,
    viewerCan: {
      __typename: 'ReportPermissions',
      ...(can ?? { edit: status === 'DRAFT', finalize: status === 'DRAFT', download: true }),
    },
    narrative: {
      __typename: 'ReportNarrative',
      directives: 'Ban Thường vụ đã ban hành hướng dẫn.',
      topics,
      coordination: '',
      inspections: '',
      meetings: '',
      time: '',
      strengths: '',
      limitations: '',
      directions: '',
      place: 'Lâm Đồng',
      signerTitle: 'BÍ THƯ',
      signerName: '',
    },
    figures: {
      __typename: 'ReportFigures',
      computedOn: '2026-11-27',
      summary: {
        __typename: 'ProvinceCompliance',
        provinceId: LAM_DONG,
        requiredDays: 60,
        subjectCadres: 29,
        agencyStaff: ratio(14, 21),
        executiveMembers: ratio(29, 37),
        metCount: 29,
        metShare: 1,
        exempt: 8,
        totalDays: 1785,
        exemptDays: 0,
        averageDays: 61.55,
        hardshipShare: 0.25,
        coverage: {
          __typename: 'Coverage',
          reached: 17,
          total: 18,
          missing: [{ __typename: 'CoverageUnit', unitId: 'u-pq', name: 'Huyện đoàn Phú Quý' }],
        },
      },
      byKind: [kind('TOPIC', 120, 800), kind('COORDINATION', 60, 400), kind('INSPECTION', 30, 200), kind('MEETING', 90, 385)],
      topics: ['Xây dựng Chi đoàn mạnh'],
      goodModels: [{ __typename: 'ReportModel', name: 'Mô hình nuôi heo', unitName: 'Huyện đoàn Đức Linh' }],
      activities: ['Ra quân Chiến dịch hè'],
      inspectionPlans: [
        { __typename: 'ReportInspectionPlan', title: 'Kiểm tra 6 tháng đầu năm', teams: 2, visits: 5, conclusions: 4 },
      ],
      conclusions: 4,
      inspectionTopics: [],
      externalInspections: [],
      indicators: {
        __typename: 'ReportIndicators',
        lateTrips: 3,
        overlappingTopics: 2,
        unreportedTrips: 1,
        hostRuleBreaches: 1,
        overloadedHostWeeks: 0,
        estimatedCost: 152_000_000,
        actualCost: 148_500_000,
      },
    },
  };
}

const load = (over: Over = {}) => ({
  request: { query: AnnualReportQuery, variables: { year: 2026, provinceId: LAM_DONG } },
  result: { data: { annualReport: report(over) } },
});

/** A button by its exact text (role queries walk antd's whole tree: slow in jsdom). */
const button = (text: string): HTMLButtonElement => screen.getByText(text).closest('button') as HTMLButtonElement;

type SaveVariables = { input: { version: number; topics: string; place: string } };

describe('the annual report page', () => {
  it('offers writing, issuing and downloading only as the report’s viewerCan says', async () => {
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, [
      ...reader,
      load({ can: { edit: false, finalize: false, download: true } }),
    ]);
    expect(await screen.findByText('Dự thảo', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('Tải báo cáo (DOCX)')).toBeInTheDocument();
    expect(screen.queryByText('Lưu dự thảo')).not.toBeInTheDocument();
    expect(screen.queryByText('Ban hành')).not.toBeInTheDocument();
  });

  it('keeps the draft’s save but not its issue when viewerCan allows editing only, and no downloads when refused', async () => {
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, [
      ...writer,
      load({ can: { edit: true, finalize: false, download: false } }),
    ]);
    expect(await screen.findByText('Lưu dự thảo', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('Ban hành')).not.toBeInTheDocument();
    expect(screen.queryByText('Tải báo cáo (DOCX)')).not.toBeInTheDocument();
  });

  it('is not offered to whom me.can gives no report', async () => {
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, [viewerCanMock(['readDashboard']), province]);
    expect(await screen.findByText('Báo cáo năm không mở cho tài khoản của bạn.')).toBeInTheDocument();
  });

  it('shows the engine’s figures section by section and validates as the user types', async () => {
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, [...writer, load()]);

    expect(await screen.findByText('Báo cáo “1+2” năm 2026 – Lâm Đồng')).toBeInTheDocument();
    // The title shows as soon as the viewer is known; the figures once the report has loaded.
    expect(await screen.findByText('Dự thảo', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('14/21')).toBeInTheDocument();
    expect(screen.getByText('29/37')).toBeInTheDocument();
    expect(screen.getByText('1.785')).toBeInTheDocument();
    expect(screen.getByText('61,55')).toBeInTheDocument();
    expect(screen.getByTestId('coverage')).toHaveTextContent('17/18 — Chưa đến: Huyện đoàn Phú Quý');
    expect(screen.getByText('Mô hình nuôi heo (Huyện đoàn Đức Linh)')).toBeInTheDocument();
    expect(screen.getByText('148.500.000')).toBeInTheDocument();
    // Per kind, the trips carried out (never registrations still awaiting approval) and their days.
    expect(screen.getByText('120 chuyến đã thực hiện, 800 ngày')).toBeInTheDocument();
    expect(button('Tải báo cáo (DOCX)')).toBeInTheDocument();

    const place = screen.getByLabelText('Địa danh');
    fireEvent.change(place, { target: { value: ' ' } });
    expect(await screen.findByText('Không được để trống', {}, { timeout: 5000 })).toBeInTheDocument();
    fireEvent.change(place, { target: { value: 'Lâm Đồng' } });
    await waitFor(() => expect(screen.queryByText('Không được để trống')).not.toBeInTheDocument());
  });

  it('saves the edited paragraphs, and keeps them with the error in place when the server refuses', async () => {
    const typed = 'Nắm tình hình thanh niên vùng giáo.';
    const mocks: Mocks = [
      ...writer,
      load(),
      {
        request: {
          query: SaveReportNarrativeMutation,
          variables: (v: SaveVariables) => v.input.version === 1 && v.input.topics === typed,
        },
        result: {
          errors: [
            new GraphQLError('Cần ghi địa danh ở dòng ngày tháng.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.place' },
            }),
          ],
        },
      },
      {
        request: {
          query: SaveReportNarrativeMutation,
          variables: (v: SaveVariables) => v.input.version === 1 && v.input.topics === typed,
        },
        result: { data: { saveReportNarrative: report({ version: 2, topics: typed }) } },
      },
    ];
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, mocks);
    // The title shows as soon as the viewer is known; the paragraphs once the report has loaded.
    const topics = await screen.findByLabelText('Lời văn phần chuyên đề', {}, { timeout: 10_000 });
    fireEvent.change(topics, { target: { value: typed } });
    expect(await screen.findByText('Có thay đổi chưa lưu: lưu dự thảo trước khi ban hành.')).toBeInTheDocument();
    expect(button('Ban hành')).toBeDisabled();

    fireEvent.click(button('Lưu dự thảo'));
    const placeItem = screen.getByLabelText('Địa danh').closest('.ant-form-item') as HTMLElement;
    expect(
      await within(placeItem).findByText('Cần ghi địa danh ở dòng ngày tháng.', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Lời văn phần chuyên đề')).toHaveValue(typed);

    fireEvent.click(button('Lưu dự thảo'));
    expect(await screen.findByText('Đã lưu dự thảo', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(button('Ban hành')).toBeEnabled());
    expect(screen.getByLabelText('Lời văn phần chuyên đề')).toHaveValue(typed);
  });

  it('issues the report under a number after confirmation, then shows it read only', async () => {
    const mocks: Mocks = [
      ...writer,
      load({ version: 2 }),
      {
        request: { query: FinalizeReportMutation, variables: { provinceId: LAM_DONG, year: 2026, version: 2, number: '125' } },
        result: { data: { finalizeReport: report({ status: 'FINAL', version: 3, number: '125' }) } },
      },
    ];
    const user = setupUser();
    renderPage('/reports', '/reports?year=2026', <ReportsPage />, mocks);

    await screen.findByText('Báo cáo “1+2” năm 2026 – Lâm Đồng');
    // The actions appear once the viewer (who may issue) is known as well.
    await screen.findByText('Ban hành', {}, { timeout: 10_000 });
    await user.click(button('Ban hành'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Sau khi ban hành, số liệu được cố định và báo cáo không sửa được nữa.')).toBeInTheDocument();
    const number = within(dialog).getByLabelText('Số văn bản');
    await user.type(number, '12a');
    expect(await within(dialog).findByText('Chỉ gồm chữ số, tối đa 6 chữ số')).toBeInTheDocument();
    await user.clear(number);
    await user.type(number, '125');
    await user.click(within(dialog).getByRole('button', { name: 'Ban hành' }));

    expect(await screen.findByText('Đã ban hành: số 125-BC/TĐTN ngày 27/11/2026')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Lưu dự thảo')).not.toBeInTheDocument());
    expect(screen.queryByLabelText('Lời văn phần chuyên đề')).not.toBeInTheDocument();
    expect(screen.getByText('Ban Thường vụ đã ban hành hướng dẫn.')).toBeInTheDocument();
  });
});
