import { controlProblem, normaliseText, textProblem } from './text';

describe('the shared rules for names and text', () => {
  it('stores one Unicode form, without outer spaces', () => {
    const decomposed = '  Đoàn xã Ê Đê  '.normalize('NFD');
    expect(decomposed).not.toBe('Đoàn xã Ê Đê');
    expect(normaliseText(decomposed)).toBe('Đoàn xã Ê Đê');
    expect(normaliseText('Dòng một\r\nDòng hai\r')).toBe('Dòng một\nDòng hai');
  });

  it.each([
    ['zero-width characters only', '\u200B\u200C\u200D\u2060\uFEFF', 'phải có ít nhất một chữ cái hoặc chữ số'],
    ['a zero-width space inside', 'Nguyễn\u200BVăn An', 'chứa ký tự vô hình (độ rộng bằng 0)'],
    ['a right-to-left override', 'Đoàn xã \u202Egnol naT', 'chứa ký tự đảo chiều văn bản (làm chữ hiển thị sai thứ tự)'],
    ['a right-to-left isolate', 'Ban \u2067Tổ chức\u2069', 'chứa ký tự đảo chiều văn bản (làm chữ hiển thị sai thứ tự)'],
    ['a right-to-left mark', 'Ban Tổ chức\u200F', 'chứa ký tự đảo chiều văn bản (làm chữ hiển thị sai thứ tự)'],
    ['Hangul fillers that show nothing', '\u3164\u3164\u3164', 'phải có ít nhất một chữ cái hoặc chữ số'],
    ['punctuation only', '. - ,', 'phải có ít nhất một chữ cái hoặc chữ số'],
    ['a line break', 'Ban Tổ\nchức', 'không được chứa ký tự điều khiển hoặc xuống dòng'],
    ['a NUL', 'Ban\u0000', 'không được chứa ký tự điều khiển hoặc xuống dòng'],
  ])('a name with %s is refused', (_what, value, problem) => {
    expect(textProblem(normaliseText(value), 'name')).toBe(problem);
  });

  it.each(['Đoàn xã Ê Đê', 'Chi đoàn thôn 1', '12/CL-TĐ', 'Nguyễn Thị Ánh Tuyết'])('"%s" is a name', (value) => {
    expect(textProblem(value, 'name')).toBeNull();
  });

  it('longer text keeps line breaks and tabs, refuses overrides and invisible-only text', () => {
    expect(textProblem('Dòng một\n\tDòng hai', 'text')).toBeNull();
    expect(textProblem('', 'text')).toBeNull();
    expect(textProblem('Kiến nghị \u202Eđảo chiều', 'text')).toMatch(/đảo chiều/);
    expect(textProblem('\u200B'.repeat(12), 'text')).toBe('chỉ gồm ký tự vô hình');
    expect(textProblem('Có\u0007chuông', 'text')).toMatch(/điều khiển/);
  });

  it('any string argument: control characters and broken UTF-16 are refused, line breaks are not', () => {
    expect(controlProblem('a\u0000b')).toMatch(/điều khiển/);
    expect(controlProblem('a\u009Bb')).toMatch(/điều khiển/);
    expect(controlProblem('a\uD800b')).toMatch(/Unicode/);
    expect(controlProblem('Dòng một\nDòng\thai 😀')).toBeNull();
  });
});
