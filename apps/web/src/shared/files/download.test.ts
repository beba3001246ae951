import { fileNameOf } from './download';

describe('the name of a downloaded file', () => {
  it('reads the encoded name first, then a quoted or bare one, else the fallback', () => {
    expect(fileNameOf(`attachment; filename="bao-cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx`, 'x')).toBe(
      'Báo cáo.docx',
    );
    expect(fileNameOf('attachment; filename="chuyen di.xlsx"', 'x')).toBe('chuyen di.xlsx');
    expect(fileNameOf('attachment; filename=mo-hinh-hay.xlsx', 'x')).toBe('mo-hinh-hay.xlsx');
    expect(fileNameOf('attachment', 'models.xlsx')).toBe('models.xlsx');
    expect(fileNameOf(null, 'models.xlsx')).toBe('models.xlsx');
  });
});
