import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { ViewerQuery } from '@/features/trips/trip.operations';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { FeedbackPage } from './FeedbackPage';
import { FeedbackTripsQuery, SubmitHostFeedbackMutation } from './findings.operations';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const TRIP = {
  __typename: 'Trip',
  id: 'trip-9',
  title: 'Khảo sát tình hình thanh niên vùng đồng bào dân tộc',
  kind: 'TOPIC',
  startDate: '2026-10-12',
  endDate: '2026-10-13',
  lead: { __typename: 'Cadre', id: 'c-1', fullName: 'Lê Minh Châu' },
  destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đức Linh' }],
};

const lookups: Mocks = [
  always({
    request: { query: ViewerQuery },
    result: {
      data: {
        me: { __typename: 'User', id: 'user-9', role: 'HOST_UNIT', cadreId: null, unitId: 'u-1', fullName: 'Đoàn xã Đức Linh' },
      },
    },
  }),
  always({
    request: { query: FeedbackTripsQuery },
    result: {
      data: {
        trips: {
          __typename: 'TripConnection',
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [TRIP],
        },
      },
    },
  }),
];

describe("the host unit's feedback form", () => {
  it('asks for each rule and for a comment when one was broken, as the user answers', async () => {
    const user = setupUser();
    const message = 'Nhận xét chứa ký tự không hợp lệ.';
    renderPage('/feedback', '/feedback', <FeedbackPage />, [
      ...lookups,
      {
        request: {
          query: SubmitHostFeedbackMutation,
          variables: {
            input: {
              tripId: 'trip-9',
              noConference: false,
              noDistrictEscort: true,
              noCost: true,
              comment: 'Đoàn đề nghị xã tổ chức hội nghị báo cáo.',
            },
          },
        },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'input.comment' } })] },
      },
    ]);

    expect(await screen.findByText(TRIP.title, {}, { timeout: 20_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi ý kiến' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });

    await user.click(within(dialog).getByRole('button', { name: 'Gửi ý kiến' }));
    expect(await within(dialog).findAllByText('Vui lòng chọn Đúng hoặc Không đúng', {}, { timeout: 20_000 })).toHaveLength(3);

    const item = (label: string) =>
      within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    await user.click(within(item('Không yêu cầu tổ chức hội nghị')).getByRole('radio', { name: 'Không đúng' }));
    await user.click(within(item('Không có cán bộ cấp huyện đi cùng')).getByRole('radio', { name: 'Đúng' }));
    await user.click(within(item('Không gây tốn kém cho cơ sở')).getByRole('radio', { name: 'Đúng' }));
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng chọn Đúng hoặc Không đúng')).not.toBeInTheDocument());

    const comment = within(dialog).getByLabelText('Nhận xét ngắn');
    await user.type(comment, 'Có');
    expect(await within(dialog).findByText('Cần ít nhất 10 ký tự')).toBeInTheDocument();
    await user.clear(comment);
    expect(await within(dialog).findByText('Vui lòng mô tả điều không đúng quy định')).toBeInTheDocument();
    await user.click(comment);
    await user.paste('Đoàn đề nghị xã tổ chức hội nghị báo cáo.');
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng mô tả điều không đúng quy định')).not.toBeInTheDocument());

    await user.click(within(dialog).getByRole('button', { name: 'Gửi ý kiến' }));
    const error = await within(dialog).findByText(message, {}, { timeout: 20_000 });
    expect(error.closest('.ant-form-item')).toBe(item('Nhận xét ngắn'));
    expect(comment).toHaveValue('Đoàn đề nghị xã tổ chức hội nghị báo cáo.');
    expect(within(item('Không yêu cầu tổ chức hội nghị')).getByRole('radio', { name: 'Không đúng' })).toBeChecked();
  });
});
