import { act, renderHook } from '@testing-library/react';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeviceDraft } from './useDeviceDraft';

interface Values {
  title: string;
  dates: [Dayjs, Dayjs] | null;
}

const VALUES: Values = { title: 'Khảo sát Đạ Huoai', dates: [dayjs('2027-01-08'), dayjs('2027-01-09')] };

/** Types the values into a form keyed to the user, then closes it (which keeps what is pending). */
function typeAndClose(userId: string, name: string, values: Values) {
  const { result, unmount } = renderHook(() => useDeviceDraft<Values>(userId, name));
  act(() => result.current.save(values));
  unmount();
}

const reopen = (userId: string | null, name = 'new-trip') => renderHook(() => useDeviceDraft<Values>(userId, name)).result;

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  localStorage.clear();
});

describe('a draft kept on the device', () => {
  it('comes back when the form opens again, dates as dates', () => {
    typeAndClose('user-1', 'new-trip', VALUES);

    const restored = reopen('user-1').current.restored;
    expect(restored?.values.title).toBe('Khảo sát Đạ Huoai');
    expect(dayjs.isDayjs(restored?.values.dates?.[0])).toBe(true);
    expect(restored?.values.dates?.map((d) => d.format('DD/MM/YYYY'))).toEqual(['08/01/2027', '09/01/2027']);
    expect(restored?.savedAt).toBeInstanceOf(Date);
  });

  it('is saved once the user stops typing, without the form closing', () => {
    jest.useFakeTimers();
    const { result } = renderHook(() => useDeviceDraft<Values>('user-1', 'new-trip'));
    act(() => result.current.save({ ...VALUES, title: 'Kh' }));
    act(() => result.current.save(VALUES));
    expect(reopen('user-1').current.restored).toBeNull();

    act(() => jest.advanceTimersByTime(1000));
    expect(reopen('user-1').current.restored?.values.title).toBe('Khảo sát Đạ Huoai');
  });

  it('is gone once cleared, and a pending save does not bring it back', () => {
    const { result, unmount } = renderHook(() => useDeviceDraft<Values>('user-1', 'new-trip'));
    act(() => result.current.save(VALUES));
    act(() => result.current.clear());
    unmount();

    expect(reopen('user-1').current.restored).toBeNull();
  });

  it('belongs to one user and one form', () => {
    typeAndClose('user-1', 'report:t-1', VALUES);

    expect(reopen('user-2', 'report:t-1').current.restored).toBeNull();
    expect(reopen('user-1', 'report:t-2').current.restored).toBeNull();
    expect(reopen(null, 'report:t-1').current.restored).toBeNull();
    expect(reopen('user-1', 'report:t-1').current.restored?.values.title).toBe('Khảo sát Đạ Huoai');
  });

  it('is read once the user is known', () => {
    typeAndClose('user-1', 'new-trip', VALUES);
    const { result, rerender } = renderHook(({ userId }) => useDeviceDraft<Values>(userId, 'new-trip'), {
      initialProps: { userId: null as string | null },
    });
    expect(result.current.restored).toBeNull();

    rerender({ userId: 'user-1' });
    expect(result.current.restored?.values.title).toBe('Khảo sát Đạ Huoai');
  });

  it('is dropped after 30 days', () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    typeAndClose('user-1', 'new-trip', VALUES);
    typeAndClose('user-1', 'report:t-9', VALUES);

    clock.mockReturnValue(now + 29 * 24 * 3600 * 1000);
    expect(reopen('user-1').current.restored).not.toBeNull();

    clock.mockReturnValue(now + 31 * 24 * 3600 * 1000);
    expect(reopen('user-1').current.restored).toBeNull();
    // Opening any form tidies the other expired drafts of this device too.
    expect(Object.keys(localStorage).filter((key) => key.includes('report:t-9'))).toEqual([]);
  });

  it('never breaks the form when storage refuses', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('Denied', 'SecurityError');
    });

    expect(() => typeAndClose('user-1', 'new-trip', VALUES)).not.toThrow();
    const result = reopen('user-1');
    expect(result.current.restored).toBeNull();
    expect(() => act(() => result.current.clear())).not.toThrow();
  });

  it('ignores what it cannot read', () => {
    typeAndClose('user-1', 'new-trip', VALUES);
    const key = Object.keys(localStorage).find((k) => k.endsWith('new-trip')) ?? '';
    localStorage.setItem(key, '{not json');

    expect(reopen('user-1').current.restored).toBeNull();
  });
});
