import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { FeedbackPage } from './FeedbackPage';
import { FeedbackTripsQuery, HostOwnFeedbackQuery, SubmitHostFeedbackMutation } from './findings.operations';

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
  viewerCanGiveFeedback: true,
  lead: { __typename: 'Cadre', id: 'c-1', fullName: 'Lê Minh Châu' },
  destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đức Linh' }],
};

const ANSWERED_TRIP = {
  ...TRIP,
  id: 'trip-7',
  title: 'Nắm tình hình tổ chức cơ sở Đoàn đầu nhiệm kỳ',
  kind: 'REGULAR',
  startDate: '2026-09-03',
  endDate: '2026-09-03',
  viewerCanGiveFeedback: false,
};

const OWN_FEEDBACK = {
  __typename: 'HostFeedback',
  tripId: 'trip-7',
  unitId: 'u-1',
  noConference: false,
  noDistrictEscort: true,
  noCost: true,
  noPartyCommittee: true,
  comment: 'Xã được đề nghị chuẩn bị hội trường để báo cáo.',
  createdAt: '2026-09-05T05:00:00.000Z',
};

const CONFERENCE = 'Đoàn có yêu cầu tổ chức hội nghị không?';
const ESCORT = 'Có cán bộ cấp trên của đơn vị (như Đoàn xã, phường khi đoàn về chi đoàn) đi kèm đoàn không?';
const PARTY = 'Đoàn có đề nghị mời cấp ủy dự không?';
const COST = 'Cơ sở có phải chịu chi phí không (xe đưa đón, ăn uống, quà…)?';

const ownFeedback = (nodes: unknown[]) => ({
  data: { hostFeedback: { __typename: 'HostFeedbackConnection', nodes } },
});

const trips = (nodes: unknown[]) =>
  always({
    request: { query: FeedbackTripsQuery },
    result: {
      data: {
        trips: {
          __typename: 'TripConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    },
  });

const viewer: Mocks = [
  viewerCanMock(['seeIncoming', 'giveFeedback', 'readFeedback'], { id: 'user-9', unitId: 'u-1', fullName: 'Đoàn xã Đức Linh' }),
];

const lookups: Mocks = [...viewer, trips([TRIP]), always({ request: { query: HostOwnFeedbackQuery }, result: ownFeedback([]) })];

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
              noPartyCommittee: false,
              comment: 'Đoàn đề nghị xã tổ chức hội nghị báo cáo.',
            },
          },
        },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'input.comment' } })] },
      },
    ]);

    expect(await screen.findByText(TRIP.title, {}, { timeout: 20_000 })).toBeInTheDocument();
    // The visits show first; the form is offered once the unit's own feedback is known not to cover this one.
    await user.click(await screen.findByRole('button', { name: 'Gửi ý kiến' }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });

    await user.click(within(dialog).getByRole('button', { name: 'Gửi ý kiến' }));
    expect(await within(dialog).findAllByText('Vui lòng chọn Có hoặc Không', {}, { timeout: 20_000 })).toHaveLength(4);

    const item = (label: string) =>
      within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    // Plain questions, "Có" meaning it happened: here a conference was asked for and the party committee invited.
    await user.click(within(item(CONFERENCE)).getByRole('radio', { name: 'Có' }));
    await user.click(within(item(ESCORT)).getByRole('radio', { name: 'Không' }));
    await user.click(within(item(PARTY)).getByRole('radio', { name: 'Có' }));
    await user.click(within(item(COST)).getByRole('radio', { name: 'Không' }));
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng chọn Có hoặc Không')).not.toBeInTheDocument());
    // The character count stands beside the help text (the browser test checks they never overlap on a phone).
    expect(within(dialog).getByText('Bắt buộc khi có câu trả lời «Có».')).toBeInTheDocument();
    expect(within(dialog).getByText('0/2000')).toBeInTheDocument();

    const comment = within(dialog).getByLabelText('Nhận xét ngắn');
    await user.type(comment, 'Có');
    expect(await within(dialog).findByText('Cần ít nhất 10 ký tự')).toBeInTheDocument();
    expect(within(dialog).getByText('2/2000')).toBeInTheDocument();
    await user.clear(comment);
    expect(await within(dialog).findByText('Vui lòng mô tả điều đã xảy ra')).toBeInTheDocument();
    await user.click(comment);
    await user.paste('Đoàn đề nghị xã tổ chức hội nghị báo cáo.');
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng mô tả điều đã xảy ra')).not.toBeInTheDocument());

    await user.click(within(dialog).getByRole('button', { name: 'Gửi ý kiến' }));
    const error = await within(dialog).findByText(message, {}, { timeout: 20_000 });
    expect(error.closest('.ant-form-item')).toBe(item('Nhận xét ngắn'));
    expect(comment).toHaveValue('Đoàn đề nghị xã tổ chức hội nghị báo cáo.');
    expect(within(item(CONFERENCE)).getByRole('radio', { name: 'Có' })).toBeChecked();
    expect(within(item(PARTY)).getByRole('radio', { name: 'Có' })).toBeChecked();
  });

  it('shows the visits the unit already answered with what it sent, and the form for the others', async () => {
    const user = setupUser();
    renderPage('/feedback', '/feedback', <FeedbackPage />, [
      ...viewer,
      trips([TRIP, ANSWERED_TRIP]),
      {
        request: { query: HostOwnFeedbackQuery, variables: { tripIds: ['trip-9', 'trip-7'] } },
        result: ownFeedback([
          OWN_FEEDBACK,
          // A chapter below the unit answered the other visit for itself: the unit still owes its own word.
          { ...OWN_FEEDBACK, tripId: 'trip-9', unitId: 'u-2', comment: 'Ý kiến của chi đoàn trực thuộc.' },
        ]),
      },
      {
        request: {
          query: SubmitHostFeedbackMutation,
          variables: {
            input: {
              tripId: 'trip-9',
              noConference: true,
              noDistrictEscort: true,
              noCost: true,
              noPartyCommittee: true,
              comment: '',
            },
          },
        },
        result: {
          data: {
            submitHostFeedback: {
              __typename: 'HostFeedback',
              tripId: 'trip-9',
              unitId: 'u-1',
              breach: false,
              trip: { __typename: 'Trip', id: 'trip-9', viewerCanGiveFeedback: false },
            },
          },
        },
      },
      {
        request: { query: HostOwnFeedbackQuery, variables: { tripIds: ['trip-9', 'trip-7'] } },
        result: ownFeedback([
          { ...OWN_FEEDBACK, tripId: 'trip-9', noConference: true, comment: '', createdAt: '2026-10-14T05:00:00.000Z' },
          OWN_FEEDBACK,
        ]),
      },
    ]);

    const answered = await screen.findByRole('region', { name: 'Ý kiến đơn vị đã gửi' }, { timeout: 20_000 });
    const answeredCard = answered.closest('.findings-card') as HTMLElement;
    expect(within(answeredCard).getByText(ANSWERED_TRIP.title)).toBeInTheDocument();
    expect(within(answered).getByText('Đơn vị đã gửi ý kiến ngày 05/09/2026')).toBeInTheDocument();
    expect(
      within(answered)
        .getByText(/Không yêu cầu tổ chức hội nghị/)
        .closest('li'),
    ).toHaveTextContent('✗ Không yêu cầu tổ chức hội nghị: Không đúng');
    expect(
      within(answered)
        .getByText(/Không có cán bộ cấp trung gian đi kèm/)
        .closest('li'),
    ).toHaveTextContent('✓ Không có cán bộ cấp trung gian đi kèm: Đúng');
    expect(
      within(answered)
        .getByText(/Không mời cấp ủy dự/)
        .closest('li'),
    ).toHaveTextContent('✓ Không mời cấp ủy dự: Đúng');
    expect(
      within(answered)
        .getByText(/Cơ sở không phải chịu chi phí/)
        .closest('li'),
    ).toHaveTextContent('✓ Cơ sở không phải chịu chi phí: Đúng');
    expect(within(answered).getByText(OWN_FEEDBACK.comment)).toBeInTheDocument();
    expect(within(answeredCard).queryByRole('button', { name: 'Gửi ý kiến' })).not.toBeInTheDocument();

    const openCard = screen.getByText(TRIP.title).closest('.findings-card') as HTMLElement;
    expect(within(openCard).queryByText('Ý kiến của chi đoàn trực thuộc.')).not.toBeInTheDocument();
    await user.click(within(openCard).getByRole('button', { name: 'Gửi ý kiến' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });
    const item = (label: string) =>
      within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    for (const label of [CONFERENCE, ESCORT, PARTY, COST]) {
      await user.click(within(item(label)).getByRole('radio', { name: 'Không' }));
    }
    await user.click(within(dialog).getByRole('button', { name: 'Gửi ý kiến' }));

    expect(
      await within(openCard).findByText('Đơn vị đã gửi ý kiến ngày 14/10/2026', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(within(openCard).queryByRole('button', { name: 'Gửi ý kiến' })).not.toBeInTheDocument();
  });

  it('offers the form only on the visits the API says the unit may still answer', async () => {
    const OTHER = { ...TRIP, id: 'trip-5', title: 'Dự sinh hoạt chi đoàn thôn 2', viewerCanGiveFeedback: false };
    renderPage('/feedback', '/feedback', <FeedbackPage />, [
      ...viewer,
      trips([TRIP, OTHER]),
      always({ request: { query: HostOwnFeedbackQuery }, result: ownFeedback([]) }),
    ]);

    const offered = (await screen.findByText(TRIP.title, {}, { timeout: 20_000 })).closest('.findings-card') as HTMLElement;
    expect(await within(offered).findByRole('button', { name: 'Gửi ý kiến' }, { timeout: 20_000 })).toBeInTheDocument();
    const other = screen.getByText(OTHER.title).closest('.findings-card') as HTMLElement;
    expect(within(other).queryByRole('button', { name: 'Gửi ý kiến' })).not.toBeInTheDocument();
  });

  it('asks about a district union escort only for a visit before the July 2025 reform', async () => {
    const user = setupUser();
    const BEFORE = {
      ...TRIP,
      id: 'trip-3',
      title: 'Khảo sát chi đoàn thôn Bình An',
      startDate: '2025-03-10',
      endDate: '2025-03-11',
    };
    renderPage('/feedback', '/feedback', <FeedbackPage />, [
      ...viewer,
      trips([BEFORE]),
      always({ request: { query: HostOwnFeedbackQuery }, result: ownFeedback([]) }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Gửi ý kiến' }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });
    expect(within(dialog).getByText('Có cán bộ cấp huyện (Huyện đoàn) đi kèm đoàn không?')).toBeInTheDocument();
    expect(within(dialog).queryByText(ESCORT)).not.toBeInTheDocument();
  });

  it('tells a user me.can neither lets give nor read feedback that the page is not theirs', async () => {
    renderPage('/feedback', '/feedback', <FeedbackPage />, [viewerCanMock(['readModels'])]);
    expect(await screen.findByText('Trang này không dành cho vai trò của bạn.', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});
