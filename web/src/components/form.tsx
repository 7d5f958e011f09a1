import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { NO_ERRORS, toFormErrors, type FieldSpec, type FormErrors } from '../api/errors';

export interface Form<V> {
  id: string;
  values: V;
  errors: FormErrors;
  submitting: boolean;
  set<K extends keyof V>(name: K, value: V[K]): void;
  onSubmit(e: FormEvent): void;
  fieldId(name: string): string;
}

interface FormOptions<V, R> {
  initial: V;
  /** The server's words for each field, so its messages land beside the field. */
  fields: FieldSpec[];
  /** Checks only the browser can make (two password fields agree): field → message, nothing sent when any. */
  validate?(values: V): Record<string, string>;
  submit(values: V): Promise<R>;
  /** `patch` changes some values after success (clear an invite form, keep its role). */
  onSuccess?(result: R, values: V, patch: (values: Partial<V>) => void): void;
}

/** A form whose validation is the server's: submit, then show each message at its field. */
export function useApiForm<V, R>(opts: FormOptions<V, R>): Form<V> {
  const id = useId();
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: opts.submit,
    onSuccess: (result, vars) => opts.onSuccess?.(result, vars, (patch) => setValues((v) => ({ ...v, ...patch }))),
    onError: (err) => setErrors(toFormErrors(err, opts.fields)),
  });
  const fieldId = (name: string) => `${id}-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const firstError = Object.keys(errors.fields)[0];
  useEffect(() => {
    // Keyboard and screen-reader users land on the field that needs fixing.
    if (firstError) document.getElementById(fieldId(firstError))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errors]);
  return {
    id,
    values,
    errors,
    submitting: mutation.isPending,
    set(name, value) {
      setValues((v) => ({ ...v, [name]: value }));
      if (errors.fields[name as string]) {
        setErrors((e) => {
          const fields = { ...e.fields };
          delete fields[name as string];
          return { ...e, fields };
        });
      }
    },
    onSubmit(e) {
      e.preventDefault();
      if (mutation.isPending) return;
      const local = opts.validate?.(values) ?? {};
      if (Object.keys(local).length) {
        setErrors({ fields: local, form: null });
        return;
      }
      setErrors(NO_ERRORS);
      mutation.mutate(values);
    },
    fieldId,
  };
}

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}

function FieldShell({ id, label, error, hint, required, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and error, under it; their ids are what describedBy names. */
function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type BoolKeys<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;
type ListKeys<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

interface TextProps<V> {
  form: Form<V>;
  name: StringKeys<V>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'password' | 'number' | 'url';
  autoComplete?: string;
  placeholder?: string;
  list?: string;
  multiline?: boolean;
  rows?: number;
  autoFocus?: boolean;
}

export function TextField<V>(p: TextProps<V>) {
  const id = p.form.fieldId(p.name);
  const error = p.form.errors.fields[p.name];
  const common = {
    id,
    name: p.name,
    value: p.form.values[p.name] as string,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, p.hint),
    'aria-required': p.required || undefined,
    placeholder: p.placeholder,
    autoFocus: p.autoFocus,
  };
  return (
    <FieldShell id={id} label={p.label} error={error} hint={p.hint} required={p.required}>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} onChange={(e) => p.form.set(p.name, e.target.value as V[typeof p.name])} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete}
          list={p.list}
          onChange={(e) => p.form.set(p.name, e.target.value as V[typeof p.name])}
        />
      )}
    </FieldShell>
  );
}

interface SelectProps<V> {
  form: Form<V>;
  name: StringKeys<V>;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
  required?: boolean;
}

export function SelectField<V>(p: SelectProps<V>) {
  const id = p.form.fieldId(p.name);
  const error = p.form.errors.fields[p.name];
  return (
    <FieldShell id={id} label={p.label} error={error} hint={p.hint} required={p.required}>
      <select
        id={id}
        name={p.name}
        value={p.form.values[p.name] as string}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, p.hint)}
        onChange={(e) => p.form.set(p.name, e.target.value as V[typeof p.name])}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField<V>(p: { form: Form<V>; name: BoolKeys<V>; label: string; hint?: ReactNode }) {
  const id = p.form.fieldId(p.name);
  const error = p.form.errors.fields[p.name];
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input
        id={id}
        type="checkbox"
        checked={p.form.values[p.name] as boolean}
        aria-describedby={describedBy(id, error, p.hint)}
        onChange={(e) => p.form.set(p.name, e.target.checked as V[typeof p.name])}
      />
      <label htmlFor={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={error} />
    </div>
  );
}

/** Pick any number of items (tools, variables, context tasks). */
export function MultiCheck<V>(p: {
  form: Form<V>;
  name: ListKeys<V>;
  label: string;
  options: { value: string; label: string; hint?: string }[];
  empty: ReactNode;
}) {
  const id = p.form.fieldId(p.name);
  const error = p.form.errors.fields[p.name];
  const selected = p.form.values[p.name] as string[];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    p.form.set(p.name, next as V[typeof p.name]);
  };
  return (
    <fieldset className={error ? 'field field-invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{p.label}</legend>
      {/* The first checkbox carries the field id so an error can move focus here. */}
      {p.options.length === 0 ? (
        <p className="hint" id={id} tabIndex={-1}>
          {p.empty}
        </p>
      ) : (
        <div className="checks">
          {p.options.map((o, i) => (
            <label key={o.value} className="check">
              <input
                id={i === 0 ? id : undefined}
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span>
                {o.label}
                {o.hint ? <small className="muted"> — {o.hint}</small> : null}
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** An editable list of short texts (conversation starters). */
export function ListEditor<V>(p: { form: Form<V>; name: ListKeys<V>; label: string; itemLabel: string; hint?: ReactNode; max?: number }) {
  const id = p.form.fieldId(p.name);
  const error = p.form.errors.fields[p.name];
  const items = p.form.values[p.name] as string[];
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex !== null) refs.current[focusIndex]?.focus();
  }, [focusIndex, items.length]);
  const update = (next: string[]) => p.form.set(p.name, next as V[typeof p.name]);
  return (
    <fieldset className={error ? 'field field-invalid' : 'field'}>
      <legend>{p.label}</legend>
      {p.hint ? <p className="hint">{p.hint}</p> : null}
      <ul className="list-editor">
        {items.map((item, i) => (
          <li key={i}>
            <input
              id={i === 0 ? id : undefined}
              ref={(el) => {
                refs.current[i] = el;
              }}
              aria-label={`${p.itemLabel} ${i + 1}`}
              value={item}
              onChange={(e) => update(items.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button type="button" className="button-quiet" aria-label={`Remove ${p.itemLabel.toLowerCase()} ${i + 1}`} onClick={() => update(items.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {items.length < (p.max ?? 10) ? (
        <button
          type="button"
          className="button-secondary"
          id={items.length === 0 ? id : undefined}
          onClick={() => {
            update([...items, '']);
            setFocusIndex(items.length);
          }}
        >
          Add {p.itemLabel.toLowerCase()}
        </button>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FormError({ form }: { form: { errors: FormErrors } }) {
  if (!form.errors.form) return null;
  return (
    <div className="alert alert-error" role="alert">
      {form.errors.form}
    </div>
  );
}

export function SubmitRow({ form, label, busyLabel, children }: { form: { submitting: boolean }; label: string; busyLabel?: string; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={form.submitting} aria-busy={form.submitting || undefined}>
        {form.submitting ? (busyLabel ?? 'Saving…') : label}
      </button>
      {children}
    </div>
  );
}
