import { DatePicker } from 'antd';
import type { ComponentProps } from 'react';

type RangePickerProps = ComponentProps<typeof DatePicker.RangePicker>;

export type DateRangePickerProps = Omit<RangePickerProps, 'id' | 'placeholder'> & {
  /** Given by the Form.Item: its label names the start input. */
  id?: string;
  /** The start and end inputs' hints; the end's also names it for screen readers. */
  placeholder: [string, string];
};

/** The range picker's popup: two months side by side, one month at a time on a phone (app.css). */
export const DATE_RANGE_POPUP = 'date-range-popup';

/**
 * antd's range picker in a form: the Form.Item's label names only the start input, so the end input gets a
 * label of its own (its placeholder text) instead of being named by a placeholder alone (WCAG 1.3.1, 3.3.2).
 * Its two months side by side are 560 px wide: on a phone the popup shows one month, with both arrows.
 */
export function DateRangePicker({ id, placeholder, ...props }: DateRangePickerProps) {
  const endId = id ? `${id}-end` : undefined;
  return (
    <>
      <DatePicker.RangePicker
        {...props}
        id={id && endId ? { start: id, end: endId } : undefined}
        placeholder={placeholder}
        classNames={{ popup: { root: DATE_RANGE_POPUP } }}
      />
      {endId && (
        <label htmlFor={endId} className="visually-hidden">
          {placeholder[1]}
        </label>
      )}
    </>
  );
}
