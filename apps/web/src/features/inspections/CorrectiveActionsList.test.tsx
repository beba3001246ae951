import { configure, screen, within } from '@testing-library/react';
import { renderPage, type Mocks } from '@/test/renderPage';
import { CorrectiveActionsList } from './CorrectiveActionsList';
import { CorrectiveActionsQuery } from './inspections.operations';
import { connection as pageOf } from '@/test/connection';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const unit = (id: string, name: string) => ({ __typename: 'Unit', id, name });

const PLANNED_TRIP = {
  __typename: 'Trip',
  id: 't-1',
  title: 'Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn năm 2026',
  startDate: '2026-03-09',
  actualStart: '2026-03-10',
};
const CENTRAL_TRIP = {
  __typename: 'Trip',
  id: 't-2',
  title: 'Giám sát vốn vay ủy thác cùng Trung ương Đoàn',
  startDate: '2026-04-02',
  actualStart: null,
};

function action(id: string, description: string, conclusion: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'CorrectiveAction',
    id,
    version: 1,
    description,
    dueOn: '2026-09-01',
    status: 'OPEN',
    overdue: false,
    doneNote: null,
    verifiedAt: null,
    responsibleUnitId: 'u-1',
    responsibleUnit: unit('u-1', 'Đoàn xã Nam Hà'),
    viewerCan: { __typename: 'CorrectiveActionPermissions', markDone: false, verify: false },
    conclusion: { __typename: 'InspectionConclusion', concludedOn: '2026-03-11', ...conclusion },
    ...extra,
  };
}

const connection = (nodes: unknown[]) => pageOf('CorrectiveActionConnection', nodes);

const cardOf = (text: string): HTMLElement => {
  const card = screen.getByText(text).closest('.findings-card');
  if (!card) throw new Error(`no card for ${text}`);
  return card as HTMLElement;
};

describe('the corrective actions list', () => {
  it('names the inspection of each action for the provincial staff: the plan, else the visit', async () => {
    const mocks: Mocks = [
      {
        request: { query: CorrectiveActionsQuery, variables: { overdueOnly: false, withPlan: true } },
        result: {
          data: {
            correctiveActions: connection([
              action('a-1', 'Kiện toàn Ban Chấp hành xã', {
                id: 'c-1',
                unit: unit('u-1', 'Đoàn xã Nam Hà'),
                trip: PLANNED_TRIP,
                plan: { __typename: 'InspectionPlan', id: 'p-1', title: 'Kiểm tra tổ chức cơ sở Đoàn năm 2026' },
              }),
              action(
                'a-2',
                'Công khai danh sách hộ vay vốn',
                { id: 'c-2', unit: unit('u-2', 'Chi đoàn thôn 3'), trip: CENTRAL_TRIP, plan: null },
                { responsibleUnitId: 'u-2', responsibleUnit: unit('u-2', 'Chi đoàn thôn 3') },
              ),
            ]),
          },
        },
      },
    ];
    renderPage('/', '/', <CorrectiveActionsList withPlan />, mocks);

    expect(await screen.findByText('Kiện toàn Ban Chấp hành xã')).toBeInTheDocument();
    expect(
      within(cardOf('Kiện toàn Ban Chấp hành xã')).getByText(
        'Đợt kiểm tra “Kiểm tra tổ chức cơ sở Đoàn năm 2026” · Đoàn xã Nam Hà · 10/03/2026',
      ),
    ).toBeInTheDocument();
    expect(
      within(cardOf('Công khai danh sách hộ vay vốn')).getByText(
        'Đợt kiểm tra “Giám sát vốn vay ủy thác cùng Trung ương Đoàn” · Chi đoàn thôn 3 · 02/04/2026',
      ),
    ).toBeInTheDocument();
  });

  it('shows a host unit the inspection behind each of its actions without asking for the plan', async () => {
    const mocks: Mocks = [
      {
        request: { query: CorrectiveActionsQuery, variables: { overdueOnly: false, withPlan: false } },
        result: {
          data: {
            correctiveActions: connection([
              action(
                'a-1',
                'Kiện toàn Ban Chấp hành xã',
                { id: 'c-1', unit: unit('u-1', 'Đoàn xã Nam Hà'), trip: PLANNED_TRIP },
                { viewerCan: { __typename: 'CorrectiveActionPermissions', markDone: true, verify: false } },
              ),
            ]),
          },
        },
      },
    ];
    renderPage('/', '/', <CorrectiveActionsList withPlan={false} />, mocks);

    expect(await screen.findByText('Kiện toàn Ban Chấp hành xã')).toBeInTheDocument();
    const card = cardOf('Kiện toàn Ban Chấp hành xã');
    expect(
      within(card).getByText(
        'Đợt kiểm tra “Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn năm 2026” · Đoàn xã Nam Hà · 10/03/2026',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Báo cáo đã khắc phục' })).toBeInTheDocument();
  });

  it('shows on each action exactly the buttons its viewerCan offers', async () => {
    const can = (markDone: boolean, verify: boolean) => ({
      viewerCan: { __typename: 'CorrectiveActionPermissions', markDone, verify },
    });
    const source = { unit: unit('u-1', 'Đoàn xã Nam Hà'), trip: PLANNED_TRIP, plan: null };
    const mocks: Mocks = [
      {
        request: { query: CorrectiveActionsQuery, variables: { overdueOnly: false, withPlan: true } },
        result: {
          data: {
            correctiveActions: connection([
              action('a-1', 'Cập nhật sổ đoàn viên', { id: 'c-1', ...source }, can(true, false)),
              action('a-2', 'Sinh hoạt chi đoàn định kỳ', { id: 'c-2', ...source }, { status: 'DONE', ...can(false, true) }),
              action('a-3', 'Công khai quỹ đoàn phí', { id: 'c-3', ...source }, can(false, false)),
            ]),
          },
        },
      },
    ];
    renderPage('/', '/', <CorrectiveActionsList withPlan />, mocks);

    expect(await screen.findByText('Cập nhật sổ đoàn viên')).toBeInTheDocument();
    const buttons = (text: string) =>
      within(cardOf(text))
        .queryAllByRole('button')
        .map((b) => b.textContent);
    expect(buttons('Cập nhật sổ đoàn viên')).toEqual(['Báo cáo đã khắc phục']);
    expect(buttons('Sinh hoạt chi đoàn định kỳ')).toEqual(['Xác nhận đã khắc phục']);
    expect(buttons('Công khai quỹ đoàn phí')).toEqual([]);
  });
});
