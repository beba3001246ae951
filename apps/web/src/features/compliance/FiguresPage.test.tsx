import { act, screen, within } from '@testing-library/react';
import { i18n } from '@/i18n/i18n';
import { renderPage } from '@/test/renderPage';
import { FiguresPage } from './FiguresPage';

afterEach(() => act(() => void i18n.changeLanguage('vi')));

describe('the page that says how every figure is computed', () => {
  it('defines each figure in Vietnamese, with the worked example computed by hand', async () => {
    renderPage('/figures', '/figures', <FiguresPage />, []);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cách tính số liệu' })).toBeInTheDocument();
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([
      'Cán bộ thuộc diện',
      'Số ngày đã đi',
      'Số ngày phải đi',
      'Đạt',
      'Trạng thái và dự kiến',
      'Tổng số ngày, bình quân, tỷ lệ đạt của Ban và của tỉnh',
      'Chưa có số liệu',
      'Chuyến đăng ký, được duyệt, đã thực hiện',
      'Độ phủ dự sinh hoạt chi đoàn',
      'Tỷ lệ ngày ở vùng khó',
      'Số ngày theo loại chuyến và theo cấp',
    ]);
    expect(screen.getByText(/làm tròn lên/u)).toBeInTheDocument();
    const binh = screen.getByText('Bình').closest('tr') as HTMLElement;
    expect(within(binh).getByText('60 × 153 ÷ 365 = 25,15 → 26')).toBeInTheDocument();
    const cuc = screen.getByText('Cúc').closest('tr') as HTMLElement;
    expect(within(cuc).getByText('Không đạt (thiếu 1 ngày, kỳ đã kết thúc)')).toBeInTheDocument();
    expect(screen.getByText(/Hết kỳ mà chưa đủ: “không đạt”/u)).toBeInTheDocument();
    expect(screen.getByText(/Chuyến đã thực hiện: đã đi, đã báo cáo hoặc báo cáo đã được nhận/u)).toBeInTheDocument();
    expect(screen.getByText(/bình quân 115 ÷ 3 = 38,33 ngày\/đồng chí/u)).toBeInTheDocument();
  });

  it('says the same in English', async () => {
    await act(() => i18n.changeLanguage('en'));
    renderPage('/figures', '/figures', <FiguresPage />, []);
    expect(await screen.findByRole('heading', { level: 1, name: 'How figures are computed' })).toBeInTheDocument();
    expect(screen.getAllByRole('term')[0]).toHaveTextContent('Subject cadres');
    expect(screen.getByText(/average 115 ÷ 3 = 38.33 days per cadre/u)).toBeInTheDocument();
  });
});
