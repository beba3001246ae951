import { DatePicker } from 'antd';
import type { ComponentProps } from 'react';

type RangePickerProps = ComponentProps<typeof DatePicker.RangePicker>;

export type DateRangePickerProps = Omit<RangePickerProps, 'id' | 'placeholder'> & {
  /** Given by the Form.Item: its label names the start input. */
  id?: string;
  /** The start and end inputs' hints; the end's also names it for screen readers. */
  placeholder: [string, string];
};

/**
 * antd's range picker in a form: the Form.Item's label names only the start input, so the end input gets a
 * label of its own (its placeholder text) instead of being named by a placeholder alone (WCAG 1.3.1, 3.3.2).
 */
export function DateRangePicker({ id, placeholder, ...props }: DateRangePickerProps) {
  const endId = id ? `${id}-end` : undefined;
  return (
    <>
      <DatePicker.RangePicker {...props} id={id && endId ? { start: id, end: endId } : undefined} placeholder={placeholder} />
      {endId && (
        <label htmlFor={endId} className="visually-hidden">
          {placeholder[1]}
        </label>
      )}
    </>
  );
}
