import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, waitFor, within } from '@testing-library/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { setupUser } from '@/test/renderPage';
import { FormDialog } from './FormDialog';
import { fieldsNamed } from './serverErrors';

jest.setTimeout(120_000);

interface Values {
  title: string;
  note?: string;
}

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

/** A page with a button that opens the dialog; `answers` are what the server says to each send, in turn. */
function Harness({ answers }: { answers: Array<Error | null> }) {
  const [open, setOpen] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [form] = Form.useForm<Values>();
  const [sent, setSent] = useState<Values[]>([]);
  return (
    <App>
      <Button onClick={() => setOpen(true)}>Mở</Button>
      <p>Đã gửi: {sent.map((v) => v.title).join(', ')}</p>
      <p>Số lần tải lại: {reloads}</p>
      <FormDialog<Values>
        title="Ghi chú"
        okText="Lưu"
        open={open}
        onClose={() => setOpen(false)}
        form={form}
        initialValues={{ title: '' }}
        fieldOf={fieldsNamed('title', 'note')}
        onConflict={() => setReloads((n) => n + 1)}
        successMessage="Đã lưu ghi chú"
        submitOnEnter
        onSubmit={async (values) => {
          const answer = answers.shift();
          if (answer) throw answer;
          setSent((prev) => [...prev, values]);
        }}
      >
        <Form.Item label="Tiêu đề" name="title" rules={[{ required: true, message: 'Nhập tiêu đề' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Ghi chú thêm" name="note">
          <Input />
        </Form.Item>
      </FormDialog>
    </App>
  );
}

describe('the form dialog', () => {
  it("puts the server's refusal on the field it names and keeps what was typed, then sends and starts afresh", async () => {
    const user = setupUser();
    render(
      <Harness
        answers={[
          refusal('Tiêu đề đã có trong năm nay.', { code: 'BAD_USER_INPUT', field: 'input.title' }),
          refusal('Máy chủ đang bận.', { code: 'INTERNAL_SERVER_ERROR' }),
          null,
        ]}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Mở' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Nhập tiêu đề')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Tiêu đề'), 'Họp chi đoàn');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const onField = await within(dialog).findByText('Tiêu đề đã có trong năm nay.');
    expect(onField.closest('.ant-form-item')).toBe(within(dialog).getByLabelText('Tiêu đề').closest('.ant-form-item'));
    expect(within(dialog).getByLabelText('Tiêu đề')).toHaveValue('Họp chi đoàn');

    // A refusal without a field shows above the buttons; Enter in a field sends the form too.
    await user.type(within(dialog).getByLabelText('Ghi chú thêm'), 'tháng 12{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Máy chủ đang bận.');

    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã gửi: Họp chi đoàn')).toBeInTheDocument();
    expect(await screen.findByText('Đã lưu ghi chú')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Mở' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getByLabelText('Tiêu đề')).toHaveValue('');
    expect(within(again).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says someone else changed the record, reloads it and keeps the dialog open with what was typed', async () => {
    const user = setupUser();
    render(<Harness answers={[refusal('Ghi chú đã được người khác sửa.', { code: 'CONFLICT', reason: 'VERSION_MISMATCH' })]} />);
    await user.click(screen.getByRole('button', { name: 'Mở' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Tiêu đề'), 'Họp chi đoàn');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByText('Dữ liệu vừa được người khác thay đổi')).toBeInTheDocument();
    expect(within(dialog).getByText(/Ghi chú đã được người khác sửa/)).toBeInTheDocument();
    expect(screen.getByText('Số lần tải lại: 1')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Tiêu đề')).toHaveValue('Họp chi đoàn');
  });
});
