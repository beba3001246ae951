import { browserSuite, SCREENSHOTS } from '../support/browser';
import path from 'node:path';

jest.setTimeout(180_000);

const suite = browserSuite();
const { openPage, signIn } = suite;
const PHONE_390 = { width: 390, height: 844 };

describe('the host unit’s feedback form on a phone', () => {
  it('asks plain yes/no questions, and the character count never overlaps the help text at 390 px', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'coso.ldg');
    await page.goto(`${suite.product.url}/feedback`);
    await page.getByRole('heading', { level: 1, name: 'Ý kiến về các đoàn đã đến' }).waitFor();
    await page.getByRole('button', { name: 'Gửi ý kiến' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Đoàn có yêu cầu tổ chức hội nghị không?').waitFor();
    for (const question of [
      'Đoàn có đề nghị mời cấp ủy dự không?',
      'Cơ sở có phải chịu chi phí không (xe đưa đón, ăn uống, quà…)?',
    ]) {
      await dialog.getByText(question).waitFor();
    }
    // Answering "Có" asks for a comment; the count follows what is typed.
    const conference = dialog.locator('.ant-form-item').filter({ hasText: 'Đoàn có yêu cầu tổ chức hội nghị không?' });
    await conference.getByText('Có', { exact: true }).click();
    await dialog.getByLabel('Nhận xét ngắn').fill('Đoàn đề nghị xã tổ chức hội nghị báo cáo, mời đủ Ban Chấp hành.');

    const help = dialog.getByText('Bắt buộc khi có câu trả lời «Có».');
    const count = dialog.locator('.feedback-comment-extra__count');
    await count.getByText('/2000').waitFor();
    const [a, b] = [await help.boundingBox(), await count.boundingBox()];
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
    // Both stay inside the phone's width.
    for (const box of [a, b]) expect(box.x + box.width).toBeLessThanOrEqual(PHONE_390.width);
    await dialog.locator('.feedback-comment-extra').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'host-feedback-phone.png') });
  });
});
