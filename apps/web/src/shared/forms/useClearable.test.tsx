import fs from 'node:fs';
import path from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { Select } from 'antd';
import i18n from 'i18next';
import { useClearable } from './useClearable';

function Status() {
  const clearable = useClearable();
  return (
    <Select
      aria-label="Trạng thái"
      allowClear={clearable}
      value="MET"
      options={[{ value: 'MET', label: 'Đạt' }]}
      style={{ width: 200 }}
    />
  );
}

afterEach(() => act(() => void i18n.changeLanguage('vi')));

describe('a Select’s clear button', () => {
  it('is named “Xóa” in Vietnamese and “Clear” in English, following the language switch', async () => {
    render(<Status />);
    expect(screen.getByRole('button', { name: 'Xóa' })).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('button', { name: 'Clear' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xóa' })).not.toBeInTheDocument();
  });

  it('takes its name from useClearable on every clearable Select of the app (antd would say “Clear”)', () => {
    const src = path.resolve(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const at = path.join(dir, entry.name);
        if (entry.isDirectory()) return files(at);
        return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [at] : [];
      });
    const bare: string[] = [];
    for (const file of files(src)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\ballowClear\b(?!\s*=)/g)) {
        // The element the attribute belongs to: the last JSX tag opened before it.
        const before = text.slice(0, match.index);
        const tag = [...before.matchAll(/<([A-Z][\w.]*)/g)].pop()?.[1];
        if (tag === 'Select' || tag === 'TreeSelect') bare.push(`${path.relative(src, file)}: <${tag} allowClear>`);
      }
    }
    expect(bare).toEqual([]);
  });
});
