// Small controls of the portfolio form: a text field and a checkbox named by their Freqtrade key, with the error at
// that key shown under them.
import type { ReactNode } from 'react';
import { Field, inputClass } from '../ui';

export const idOf = (key: string) => `pf-${key.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;

export function KeyField({ name, label, value, onChange, error, help, placeholder }:
  { name: string; label?: string; value: string; onChange: (v: string) => void; error?: string; help?: string; placeholder?: string }) {
  const id = idOf(name);
  return (
    <Field label={label ?? name} htmlFor={id} error={error} help={help}>
      <input id={id} className={inputClass} value={value} placeholder={placeholder} aria-invalid={!!error}
        onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function KeyCheck({ name, checked, onChange, error, children }:
  { name: string; checked: boolean; onChange: (v: boolean) => void; error?: string; children?: ReactNode }) {
  const id = idOf(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {name}{children}
      </label>
      {error && <p className="text-xs text-red-600 dark:text-red-400" data-field-error={id}>{error}</p>}
    </div>
  );
}

export function KeySelect({ name, label, value, options, onChange, error, help }:
  { name: string; label?: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void;
    error?: string; help?: string }) {
  const id = idOf(name);
  return (
    <Field label={label ?? name} htmlFor={id} error={error} help={help}>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

export function FieldErrorText({ id, error }: { id: string; error?: string }) {
  return error ? <p className="text-xs text-red-600 dark:text-red-400" data-field-error={id}>{error}</p> : null;
}
