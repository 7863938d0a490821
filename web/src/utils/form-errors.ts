import type { FormInstance } from 'antd';
import { ApiError } from '../api/request';
import { errorText } from '../i18n';

/**
 * Puts the server's `fields` (zod paths such as `name` or `holidays.2.name`) onto the form's
 * fields. Returns the message for a toast when no field took it.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, known: string[]): string | null {
  const message = errorText(err);
  if (!(err instanceof ApiError) || !err.fields) return message;
  const matched = Object.entries(err.fields)
    .map(([path, text]) => ({ top: path.split('.')[0], text }))
    .filter((f) => known.includes(f.top));
  if (matched.length === 0) return message;
  form.setFields(matched.map((f) => ({ name: f.top, errors: [err.code === 'validation_failed' ? f.text : message] })));
  return null;
}
