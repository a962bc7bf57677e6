import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { ApiError } from '../api/client';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, a control, a hint and the field's error, tied together for assistive technology. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Common = { label: ReactNode; error?: string | undefined; hint?: ReactNode; fieldClassName?: string };

export function TextField({
  label,
  error,
  hint,
  fieldClassName,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => <input type="text" {...input} {...control} />}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  fieldClassName,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => <textarea {...input} {...control} />}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  fieldClassName,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  error,
  hint,
  fieldClassName,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={['field field--check', error ? 'field--invalid' : '', fieldClassName ?? ''].join(' ')}>
      <input
        type="checkbox"
        id={id}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The message for one field from a failed call, to show beside that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited' && error.retryAfterSeconds) {
      return `${error.message} Try again in ${error.retryAfterSeconds} seconds.`;
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

interface ErrorAlertProps {
  error: unknown;
  /** Fields shown beside their controls; the rest are listed here. */
  fields?: string[];
  className?: string;
}

/** The alert region for errors that belong to no field. */
export function ErrorAlert({ error, fields = [], className }: ErrorAlertProps) {
  if (!error) return null;
  const unplaced = error instanceof ApiError ? error.fields.filter((f) => !fields.includes(f.field)) : [];
  return (
    <div role="alert" className={['alert alert--error', className ?? ''].join(' ')}>
      <p>{errorMessage(error)}</p>
      {unplaced.length > 0 ? (
        <ul>
          {unplaced.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              {f.field ? <strong>{f.field}: </strong> : null}
              {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
