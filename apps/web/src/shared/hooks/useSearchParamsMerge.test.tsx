import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { useSearchParamsMerge } from './useSearchParamsMerge';

const wrapper = ({ children }: { children: ReactNode }) => (
  <MemoryRouter initialEntries={['/dashboard?year=2026']}>{children}</MemoryRouter>
);

describe('changing some search parameters', () => {
  it('keeps both of two changes made before the page re-renders, and the parameters not changed', () => {
    const { result } = renderHook(() => ({ merged: useSearchParamsMerge(), location: useLocation() }), { wrapper });
    act(() => {
      const [, merge] = result.current.merged;
      // One handler after the other, as a user picking a province and then a year in quick succession.
      merge({ province: 186 });
      merge({ year: 2019 });
    });
    expect(new URLSearchParams(result.current.location.search).get('province')).toBe('186');
    expect(new URLSearchParams(result.current.location.search).get('year')).toBe('2019');

    act(() => result.current.merged[1]({ orderBy: 'NAME', year: undefined }));
    expect(Object.fromEntries(result.current.merged[0])).toEqual({ province: '186', year: '2019', orderBy: 'NAME' });
  });
});
