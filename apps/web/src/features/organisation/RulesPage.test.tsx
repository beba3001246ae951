import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { viewerCanMock } from '@/test/viewerCan';
import { always, renderPage, setupUser } from '@/test/renderPage';
import { PolicyRuleQuery, SetPolicyRuleMutation } from './organisation.operations';
import { RulesPage } from './RulesPage';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(600_000);

const YEAR = new Date().getFullYear();

const rule = (extra: Record<string, unknown> = {}) => ({
  __typename: 'PolicyRule',
  provinceId: 68,
  year: YEAR,
  version: 4,
  requiredDays: 60,
  windowStart: `${YEAR}-01-01`,
  windowEnd: `${YEAR}-12-31`,
  minDaysDistrict: null,
  minDaysCommune: 20,
  minDaysChapter: 30,
  reportRequired: true,
  reportDueDays: 10,
  checkLateRegistration: 'WARN',
  checkDoubleBooking: 'BLOCK',
  checkHostLoad: 'WARN',
  hostLoadMaxPerWeek: 2,
  checkTopicOverlap: 'OFF',
  checkExemptTrip: 'WARN',
  ownTripDecidedByOther: true,
  sickLeaveMinDays: 30,
  ...extra,
});

const viewer = viewerCanMock(['editRules'], { id: 'u-admin' });

describe('the yearly rules form', () => {
  it('shows each check with its mode, validates as typed and puts the server field error in place', async () => {
    const user = setupUser();
    const message = `Kỳ tính ngày phải nằm trong năm ${YEAR}.`;
    renderPage('/organisation/rules', '/organisation/rules', <RulesPage />, [
      viewer,
      always({ request: { query: PolicyRuleQuery }, result: { data: { policyRule: rule() } } }),
      {
        request: {
          query: SetPolicyRuleMutation,
          variables: (v: {
            version: number;
            input: { requiredDays: number; checkTopicOverlap: string; checkExemptTrip: string };
          }) =>
            v.version === 4 &&
            v.input.requiredDays === 45 &&
            v.input.checkTopicOverlap === 'BLOCK' &&
            v.input.checkExemptTrip === 'WARN',
        },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.windowStart', reason: 'WINDOW_OUTSIDE_YEAR' },
            }),
          ],
        },
      },
    ]);

    const days = await screen.findByLabelText('Số ngày tối thiểu trong năm');
    expect(days).toHaveValue('60');
    expect(screen.getByText('Quy định riêng của tỉnh · phiên bản 4')).toBeInTheDocument();
    const overlap = screen.getByText('Chuyên đề trùng với Ban khác trong cùng quý').closest('.ant-form-item') as HTMLElement;
    expect(within(overlap).getByRole('radio', { name: 'Tắt' })).toBeChecked();
    // A trip during an exemption is the province's rule, a warning unless it says otherwise.
    const exempt = screen.getByText(/Cán bộ đi cơ sở trong thời gian được miễn/u).closest('.ant-form-item') as HTMLElement;
    expect(within(exempt).getByRole('radio', { name: 'Cảnh báo' })).toBeChecked();

    await user.clear(days);
    expect(await screen.findByText('Vui lòng nhập số ngày')).toBeInTheDocument();
    await user.type(days, '400');
    expect(await screen.findByText('Số ngày từ 0 đến 366')).toBeInTheDocument();
    await user.clear(days);
    await user.type(days, '45');
    await waitFor(() => expect(screen.queryByText('Số ngày từ 0 đến 366')).not.toBeInTheDocument());

    await user.click(within(overlap).getByRole('radio', { name: 'Chặn' }));
    await user.click(screen.getByRole('button', { name: `Lưu quy định năm ${YEAR}` }));

    const error = await screen.findByText(message);
    expect(error.closest('.ant-form-item')).toBe(screen.getByText('Kỳ tính ngày').closest('.ant-form-item'));
    expect(days).toHaveValue('45');
    expect(within(overlap).getByRole('radio', { name: 'Chặn' })).toBeChecked();
  });

  it('says clearly when someone else saved first, reloads their rule and keeps what the user changed', async () => {
    const user = setupUser();
    let saved = false;
    renderPage('/organisation/rules', '/organisation/rules', <RulesPage />, [
      viewer,
      always({
        request: { query: PolicyRuleQuery },
        result: () => ({ data: { policyRule: saved ? rule({ version: 5, reportDueDays: 7 }) : rule() } }),
      }),
      {
        request: { query: SetPolicyRuleMutation, variables: (v: { version: number }) => v.version === 4 },
        result: () => {
          saved = true;
          return {
            errors: [
              new GraphQLError('Quy định năm này vừa được người khác thay đổi. Vui lòng tải lại trước khi lưu.', {
                extensions: { code: 'CONFLICT', reason: 'VERSION_MISMATCH' },
              }),
            ],
          };
        },
      },
    ]);

    const days = await screen.findByLabelText('Số ngày tối thiểu trong năm');
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('button', { name: `Lưu quy định năm ${YEAR}` }));

    expect(await screen.findByText('Dữ liệu vừa được người khác thay đổi')).toBeInTheDocument();
    expect(screen.getByText(/Quy định năm này vừa được người khác thay đổi/)).toBeInTheDocument();
    // Their change shows in the field this user left alone; this user's change stays.
    await waitFor(() => expect(screen.getByLabelText('Hạn nộp báo cáo (số ngày sau khi về)')).toHaveValue('7'));
    expect(screen.getByText('Quy định riêng của tỉnh · phiên bản 5')).toBeInTheDocument();
    expect(days).toHaveValue('30');
  });

  it('shows who decides a standing-board member’s own trip, and saves the province’s choice', async () => {
    const user = setupUser();
    let saved = false;
    renderPage('/organisation/rules', '/organisation/rules', <RulesPage />, [
      viewer,
      always({
        request: { query: PolicyRuleQuery },
        result: () => ({ data: { policyRule: saved ? rule({ version: 5, ownTripDecidedByOther: false }) : rule() } }),
      }),
      {
        request: {
          query: SetPolicyRuleMutation,
          variables: (v: { version: number; input: { ownTripDecidedByOther?: boolean } }) =>
            v.version === 4 && v.input.ownTripDecidedByOther === false,
        },
        result: () => {
          saved = true;
          return { data: { setPolicyRule: rule({ version: 5, ownTripDecidedByOther: false }) } };
        },
      },
    ]);

    const own = await screen.findByRole('switch', {
      name: 'Chuyến đi của một thành viên Thường trực phải do một thành viên Thường trực khác quyết định',
    });
    expect(own).toBeChecked();
    await user.click(own);
    await user.click(screen.getByRole('button', { name: `Lưu quy định năm ${YEAR}` }));
    expect(await screen.findByText(`Đã lưu quy định năm ${YEAR}.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Quy định riêng của tỉnh · phiên bản 5')).toBeInTheDocument());
    expect(own).not.toBeChecked();
  });

  it('sets the minimum long sick leave that exempts, 1 to 365 days, and saves it', async () => {
    const user = setupUser();
    let sent: number | undefined;
    renderPage('/organisation/rules', '/organisation/rules', <RulesPage />, [
      viewer,
      always({ request: { query: PolicyRuleQuery }, result: () => ({ data: { policyRule: rule() } }) }),
      {
        request: {
          query: SetPolicyRuleMutation,
          variables: (v: { version: number; input: { sickLeaveMinDays?: number } }) => {
            sent = v.input.sickLeaveMinDays;
            return v.version === 4;
          },
        },
        result: { data: { setPolicyRule: rule({ version: 5, sickLeaveMinDays: 45 }) } },
      },
    ]);
    const days = await screen.findByLabelText('Nghỉ ốm dài ngày: số ngày tối thiểu để được miễn');
    expect(days).toHaveValue('30');
    await user.clear(days);
    await user.type(days, '400');
    expect(await screen.findByText('Số ngày từ 1 đến 365')).toBeInTheDocument();
    await user.clear(days);
    await user.type(days, '45');
    await user.click(screen.getByRole('button', { name: `Lưu quy định năm ${YEAR}` }));
    expect(await screen.findByText(`Đã lưu quy định năm ${YEAR}.`)).toBeInTheDocument();
    expect(sent).toBe(45);
  });

  it('asks no district-level minimum for a year after the 2025 reform, and keeps it for 2025', async () => {
    const user = setupUser();
    let sent: Record<string, unknown> | null = null;
    const before = rule({ year: 2025, windowStart: '2025-01-01', windowEnd: '2025-12-31', minDaysDistrict: 10 });
    // A rule saved before the reform may still carry a district minimum: the form no longer shows or sends it.
    const after = rule({ year: 2026, windowStart: '2026-01-01', windowEnd: '2026-12-31', minDaysDistrict: 10 });
    renderPage('/organisation/rules', '/organisation/rules', <RulesPage />, [
      viewer,
      always({
        request: { query: PolicyRuleQuery },
        result: (v: { year: number }) => ({ data: { policyRule: v.year === 2025 ? before : { ...after, year: v.year } } }),
      }),
      {
        request: { query: SetPolicyRuleMutation, variables: (v: { input: Record<string, unknown> }) => ((sent = v.input), true) },
        result: { data: { setPolicyRule: { ...after, year: YEAR, version: 5 } } },
      },
    ]);

    await screen.findByLabelText('Số ngày tối thiểu trong năm');
    if (YEAR > 2025) {
      expect(screen.queryByLabelText('Tối thiểu ở cấp huyện')).not.toBeInTheDocument();
      expect(screen.getByText(/Từ 01\/07\/2025 không còn cấp huyện/)).toBeInTheDocument();
      expect(screen.getByLabelText('Tối thiểu ở cấp xã/cơ sở')).toHaveValue('20');
      await user.click(screen.getByRole('button', { name: `Lưu quy định năm ${YEAR}` }));
      await waitFor(() => expect(sent).toMatchObject({ minDaysDistrict: null, minDaysCommune: 20, minDaysChapter: 30 }));
    }

    await user.click(screen.getByRole('combobox', { name: 'Năm' }));
    await user.click(await screen.findByTitle('Năm 2025'));
    expect(await screen.findByLabelText('Tối thiểu ở cấp huyện')).toHaveValue('10');
    expect(screen.queryByText(/Từ 01\/07\/2025 không còn cấp huyện/)).not.toBeInTheDocument();
  });
});
