import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderPage, type Mocks } from '@/test/renderPage';
import { ImportCard } from './ImportCard';
import { ImportJobQuery, ImportProgressSubscription } from './transfer.operations';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(120_000);

const JOB_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

function job(extra: Record<string, unknown>) {
  return {
    __typename: 'ImportJob',
    id: JOB_ID,
    kind: 'UNITS',
    fileName: 'cay-to-chuc.xlsx',
    status: 'RUNNING',
    phase: 'READING',
    percent: 5,
    processedRows: 0,
    totalRows: 0,
    createdCount: 0,
    updatedCount: 0,
    skippedCount: 0,
    problemCount: 0,
    message: null,
    createdAt: '2026-11-28T09:00:00.000Z',
    finishedAt: null,
    problems: [],
    ...extra,
  };
}

const problems = Array.from({ length: 12 }, (_, i) => ({
  __typename: 'ImportProblem',
  sheet: 'Đơn vị',
  row: i + 3,
  column: 'C (Loại đơn vị)',
  message: `Loại đơn vị không hợp lệ ở dòng ${i + 3}.`,
}));

/** The upload answers as the API does: 202 with the job, or 400 with a coded error. */
function answerUploads(status: number, body: unknown) {
  const fetchMock = jest.fn(() => Promise.resolve({ ok: status < 300, status, json: () => Promise.resolve(body) }));
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

const user = () => userEvent.setup({ applyAccept: false, pointerEventsCheck: PointerEventsCheckLevel.Never });
const xlsx = (name = 'cay-to-chuc.xlsx') =>
  new File(['PK'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
const fileInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('the import card', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'fetch');
  });

  it.each([
    ['UNITS', 'Đơn vị đã có (cùng mã) được cập nhật tên, ngày hết hiệu lực và vùng khó khăn theo tệp'],
    [
      'ROSTER',
      'Cán bộ đã có (cùng mã) được cập nhật theo tệp; trường hợp miễn đã có (cùng cán bộ, loại và thời gian) được giữ nguyên',
    ],
    ['TRIPS', 'Chuyến đi đã có (cùng cán bộ, loại, ngày và đơn vị đến) được giữ nguyên, không tạo chuyến mới'],
  ] as const)('says what importing %s does with records already there, as its template does', (kind, sentence) => {
    renderPage('/', '/', <ImportCard kind={kind} />, []);
    expect(screen.getByText((text) => text.startsWith(sentence))).toBeInTheDocument();
  });

  it('refuses a file that is not .xlsx or is over 20 MB before sending anything', async () => {
    const fetchMock = answerUploads(202, { job: { id: JOB_ID } });
    const { container } = renderPage('/', '/', <ImportCard kind="UNITS" />, []);
    await user().upload(fileInput(container), new File(['a;b'], 'don-vi.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Chỉ nhận tệp Excel .xlsx (tệp "don-vi.csv" không phải .xlsx).')).toBeInTheDocument();

    const big = xlsx('lon.xlsx');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    await user().upload(fileInput(container), big);
    expect(await screen.findByText(/Tệp "lon\.xlsx" nặng 21\.0 MB, vượt quá 20 MB/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows a coded refusal of the API in place', async () => {
    answerUploads(400, {
      errors: [
        {
          message: 'Tệp không đúng mẫu "mau-cay-to-chuc.xlsx": thiếu trang "Đơn vị". Hãy tải mẫu mới và nhập dữ liệu vào đó.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'WRONG_TEMPLATE', field: 'file' },
        },
      ],
    });
    const { container } = renderPage('/', '/', <ImportCard kind="UNITS" />, []);
    await user().upload(fileInput(container), xlsx());
    expect(await screen.findByText('Tệp không đúng mẫu')).toBeInTheDocument();
    expect(screen.getByText(/thiếu trang "Đơn vị"/)).toBeInTheDocument();
  });

  it('lists the problems of a file that failed the checks, ten to a page', async () => {
    const fetchMock = answerUploads(202, { job: { id: JOB_ID, kind: 'UNITS', status: 'RUNNING' } });
    const onFinished = jest.fn();
    const mocks: Mocks = [
      {
        request: { query: ImportJobQuery, variables: { id: JOB_ID } },
        result: {
          data: {
            importJob: job({
              status: 'INVALID',
              phase: 'FINISHED',
              percent: 100,
              totalRows: 40,
              processedRows: 40,
              problemCount: 12,
              message: 'Tệp có 12 lỗi; chưa ghi dữ liệu nào.',
              problems,
            }),
          },
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ];
    const { container } = renderPage('/', '/', <ImportCard kind="UNITS" onFinished={onFinished} />, mocks);
    await user().upload(fileInput(container), xlsx());

    expect(await screen.findByText('Tệp "cay-to-chuc.xlsx" có 12 lỗi, chưa ghi gì')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/files/import/units');
    expect(init.body).toBeInstanceOf(FormData);
    const table = screen.getByRole('table');
    expect(within(table).getByText('Loại đơn vị không hợp lệ ở dòng 3.')).toBeInTheDocument();
    expect(within(table).getAllByText('C (Loại đơn vị)')).toHaveLength(10);
    expect(within(table).queryByText('Loại đơn vị không hợp lệ ở dòng 14.')).not.toBeInTheDocument();
    await user().click(screen.getByTitle('2'));
    expect(await within(table).findByText('Loại đơn vị không hợp lệ ở dòng 14.')).toBeInTheDocument();
    expect(onFinished).toHaveBeenCalledTimes(1);

    await user().click(screen.getByRole('button', { name: 'Nhập tệp khác' }));
    expect(await screen.findByText('Kéo tệp .xlsx vào đây hoặc bấm để chọn')).toBeInTheDocument();
  });

  it('follows the progress the subscription pushes', async () => {
    answerUploads(202, { job: { id: JOB_ID } });
    const mocks: Mocks = [
      {
        request: { query: ImportJobQuery, variables: { id: JOB_ID } },
        result: { data: { importJob: job({ percent: 5 }) } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: { query: ImportProgressSubscription, variables: { jobId: JOB_ID } },
        result: {
          data: { importProgress: job({ phase: 'CHECKING', percent: 55, totalRows: 1200, processedRows: 640 }) },
        },
        delay: 300,
      },
    ];
    const { container } = renderPage('/', '/', <ImportCard kind="UNITS" />, mocks);
    await user().upload(fileInput(container), xlsx());

    expect(await screen.findByText('Đang đọc tệp')).toBeInTheDocument();
    expect(await screen.findByText('Đang kiểm tra từng dòng')).toBeInTheDocument();
    expect(screen.getByText(/640\/1\.200 dòng/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '55'));
  });

  it('reads the job every 2 s when the subscription fails, until it is done', async () => {
    answerUploads(202, { job: { id: JOB_ID } });
    const mocks: Mocks = [
      { request: { query: ImportJobQuery, variables: { id: JOB_ID } }, result: { data: { importJob: job({ percent: 5 }) } } },
      {
        request: { query: ImportProgressSubscription, variables: { jobId: JOB_ID } },
        error: new Error('socket closed'),
      },
      {
        request: { query: ImportJobQuery, variables: { id: JOB_ID } },
        result: {
          data: {
            importJob: job({
              status: 'DONE',
              phase: 'FINISHED',
              percent: 100,
              createdCount: 1234,
              updatedCount: 12,
              skippedCount: 5,
            }),
          },
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ];
    const { container } = renderPage('/', '/', <ImportCard kind="UNITS" />, mocks);
    await user().upload(fileInput(container), xlsx());

    expect(await screen.findByText('Không nhận được tiến độ trực tiếp, đang cập nhật mỗi 2 giây.')).toBeInTheDocument();
    expect(await screen.findByText('Đã nhập xong "cay-to-chuc.xlsx"')).toBeInTheDocument();
    expect(screen.getByText('1.234 bản ghi mới, 12 bản ghi được cập nhật, 5 dòng không có gì mới.')).toBeInTheDocument();
  });
});
