import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The one place that decides what text a user may store. Names and titles appear in lists, exports,
 * calendars and documents: they must show something (a letter or a digit) and must not be able to
 * disguise themselves (right-to-left overrides reorder what follows, zero-width characters make two
 * different names look the same). Longer text (descriptions, notes, reports) may hold line breaks and
 * tabs but neither control characters nor direction overrides, and is never only invisible characters.
 */
export type TextKind = 'name' | 'text';

/** C0 and C1 controls and DEL, except tab and line breaks in longer text: control characters are what we refuse. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates, the left-to-right and right-to-left marks, the Arabic letter mark. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Half of a UTF-16 pair without the other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Format characters (zero-width space, joiners, word joiner, soft hyphen, BOM…). */
const FORMAT = /\p{Cf}/u;
/** Letters that render as nothing: the Hangul fillers and the blank Braille pattern. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * What every stored text becomes first: one Unicode form (NFC: "ệ" is one code point), line breaks as
 * \n (a Windows client's \r\n too), no outer spaces.
 */
export const normaliseText = (value: string): string => value.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** Control characters or broken UTF-16 anywhere in a string argument (tab and line breaks allowed). */
export function controlProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'chứa ký tự Unicode không hợp lệ';
  if (CONTROL_IN_TEXT.test(value)) return 'chứa ký tự điều khiển không được phép';
  return null;
}

/**
 * Why `value` (already normalised) cannot be stored as a name or a longer text, as the end of a sentence
 * starting with the field ("Trường "name" …", "Tên đơn vị …"); null when it can.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(value)) return 'chứa ký tự Unicode không hợp lệ';
  if ((kind === 'name' ? CONTROL_IN_NAME : CONTROL_IN_TEXT).test(value)) {
    return kind === 'name' ? 'không được chứa ký tự điều khiển hoặc xuống dòng' : 'chứa ký tự điều khiển không được phép';
  }
  if (BIDI_CONTROL.test(value)) return 'chứa ký tự đảo chiều văn bản (làm chữ hiển thị sai thứ tự)';
  if (kind === 'name') {
    if (value === '') return 'không được để trống';
    if (!LETTER_OR_DIGIT.test(value.replace(BLANK_LETTERS, ''))) return 'phải có ít nhất một chữ cái hoặc chữ số';
    if (FORMAT.test(value)) return 'chứa ký tự vô hình (độ rộng bằng 0)';
    return null;
  }
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return 'chỉ gồm ký tự vô hình';
  return null;
}

/** The class-validator rules below; their messages are already Vietnamese (see errors.ts). */
export const TEXT_RULES = new Set(['isName', 'isCleanText']);

function textDecorator(name: string, kind: TextKind, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if (typeof value !== 'string') return value === null || value === undefined;
          const clean = normaliseText(value);
          // The argument object is what the resolver receives: it stores the normalised text.
          (args.object as Record<string, unknown>)[args.property] = clean;
          // An empty value is the field's own business (its @Length); spaces alone are not a name.
          if (value === '') return true;
          return textProblem(clean, kind) === null;
        },
        defaultMessage(args: ValidationArguments): string {
          return typeof args.value === 'string'
            ? (textProblem(normaliseText(args.value), kind) ?? 'không hợp lệ')
            : 'không hợp lệ';
        },
      },
    });
  };
}

/** A name or title: one line, NFC, trimmed, at least one visible letter or digit, no bidi or zero-width. */
export const IsName = (options?: ValidationOptions): PropertyDecorator => textDecorator('isName', 'name', options);

/** Longer text: NFC, trimmed, line breaks and tabs allowed, no controls or bidi, not only invisible. */
export const IsCleanText = (options?: ValidationOptions): PropertyDecorator => textDecorator('isCleanText', 'text', options);
