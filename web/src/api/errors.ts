/**
 * The API answers errors as `{error, message, code}`. Validation messages name the field by its
 * label ("Name is empty", "Default Value is empty", "[config.api_key] is empty"), so a form can
 * show each message beside the field it is about.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The short form (`error`), often the same as the message. */
    readonly error: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const o = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const error = typeof o.error === 'string' && o.error ? o.error : '';
    const message = typeof o.message === 'string' && o.message ? o.message : error;
    return new ApiError(status, message || fallbackMessage(status), error || message || fallbackMessage(status), body);
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are not logged in';
  if (status === 403) return 'You do not have permission to do this';
  if (status === 404) return 'Not found';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `Request failed (${status})`;
}

/** A form field and the words the server uses for it. */
export interface FieldSpec {
  name: string;
  /** Labels as the server's messages start ("Default Value"), or whole messages ("Invalid Tools"). */
  labels?: string[];
}

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

function labelsOf(f: FieldSpec): string[] {
  const last = f.name.split('.').pop() ?? f.name;
  return [...(f.labels ?? []), `[${f.name}]`, `[${last}]`, f.name].map((l) => l.toLowerCase());
}

function startsWithLabel(message: string, label: string): boolean {
  if (!message.startsWith(label)) return false;
  const next = message.charAt(label.length);
  return next === '' || next === ' ' || next === ':' || next === ',';
}

/** The field a message is about: the longest label the message starts with. */
export function fieldForMessage(message: string, fields: FieldSpec[]): string | null {
  const m = message.trim().toLowerCase();
  let best: { name: string; length: number } | null = null;
  for (const f of fields) {
    for (const label of labelsOf(f)) {
      if (label && startsWithLabel(m, label) && (!best || label.length > best.length)) best = { name: f.name, length: label.length };
    }
  }
  return best?.name ?? null;
}

/** Validation (400) and conflicts (409) go to their field when one is named; the rest to the form. */
export function toFormErrors(err: unknown, fields: FieldSpec[]): FormErrors {
  if (!(err instanceof ApiError)) {
    const text = err instanceof Error && err.message ? err.message : 'Something went wrong';
    const network = err instanceof TypeError ? 'Cannot reach the server. Check your connection and try again.' : text;
    return { fields: {}, form: network };
  }
  if (err.status === 400 || err.status === 409 || err.status === 422) {
    for (const text of [err.message, err.error]) {
      const field = fieldForMessage(text, fields);
      if (field) return { fields: { [field]: err.message }, form: null };
    }
  }
  return { fields: {}, form: err.message };
}

export function errorMessage(err: unknown): string {
  return toFormErrors(err, []).form ?? 'Something went wrong';
}
