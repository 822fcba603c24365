// Small shared building blocks; Tailwind classes live here so pages stay readable.
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import type { BotStatus, LogLevel } from '../api/types';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'success';
const VARIANT: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500',
  success: 'bg-emerald-600 text-white hover:bg-emerald-500',
  secondary: 'border border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700',
  danger: 'bg-red-600 text-white hover:bg-red-500',
  ghost: 'hover:bg-slate-200 dark:hover:bg-slate-800',
};

export function Button({ variant = 'secondary', className = '', ...props }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button type="button" {...props}
      className={`inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium transition
        disabled:cursor-not-allowed disabled:opacity-50 ${VARIANT[variant]} ${className}`} />
  );
}

export function Card({ children, className = '', ...rest }: { children: ReactNode; className?: string } & Record<string, unknown>) {
  return (
    <div {...rest} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      {children}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex items-center gap-2 p-4 text-sm text-slate-500" role="status">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
      {label}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">{children}</div>;
}

export function ErrorBox({ error }: { error: unknown }) {
  const text = error instanceof Error ? error.message : String(error);
  return <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">{text}</div>;
}

const STATUS: Record<BotStatus, string> = {
  ACTIVE: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
  STOPPED: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
  ERROR: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200',
};

export function StatusBadge({ status }: { status: BotStatus }) {
  return <span data-status={status} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS[status] ?? STATUS.STOPPED}`}>{status}</span>;
}

export const LEVEL_CLASS: Record<LogLevel, string> = {
  INFO: 'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-200',
  SUCCESS: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
  WARNING: 'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-200',
  ERROR: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200',
};

export function LevelBadge({ level }: { level: LogLevel }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${LEVEL_CLASS[level] ?? LEVEL_CLASS.INFO}`}>{level}</span>;
}

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800 ' +
  'focus:outline-none focus:ring-2 focus:ring-indigo-500 aria-[invalid=true]:border-red-500';

/** A labelled form control with its help text and the server's error for it. */
export function Field({ label, htmlFor, help, error, children }:
  { label: string; htmlFor: string; help?: string | null; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-medium">{label}</label>
      {children}
      {error && <p className="text-xs text-red-600 dark:text-red-400" id={`${htmlFor}-error`} data-field-error={htmlFor}>{error}</p>}
      {help && <p className="text-xs text-slate-500">{help}</p>}
    </div>
  );
}

/**
 * A modal question with Cancel and a confirm button; Escape and a click outside cancel, Tab stays inside, and the
 * focus goes back where it was when it closes. `safe` puts the focus on Cancel (for a confirmation that spends real
 * money, Enter must not be the way through).
 */
export function ConfirmDialog({ open, title, text, confirm, onConfirm, onCancel, safe = false, variant = 'danger', children }:
  { open: boolean; title: string; text: ReactNode; confirm: string; onConfirm: () => void; onCancel: () => void;
    safe?: boolean; variant?: Variant; children?: ReactNode }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  // read while rendering: once mounted, autoFocus has already moved the focus into the dialog
  const returnTo = useRef<HTMLElement | null>(null);
  if (open && returnTo.current === null && document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
  useEffect(() => {
    if (!open) return;
    return () => {
      const before = returnTo.current;
      returnTo.current = null;
      if (before?.isConnected) before.focus();
    };
  }, [open]);
  if (!open) return null;

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') { e.stopPropagation(); onCancel(); return; }
    if (e.key !== 'Tab') return;
    const focusable = [...(box.current?.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input, select, textarea') ?? [])];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/50 p-4" onClick={onCancel}>
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}
           onClick={(e) => e.stopPropagation()} onKeyDown={onKeyDown}
           className="max-h-full w-full max-w-sm overflow-y-auto rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        <div id={`${id}-text`} className="mt-2 text-sm text-slate-600 dark:text-slate-300">{text}</div>
        {children}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button onClick={onCancel} autoFocus={safe}>Cancel</Button>
          <Button variant={variant} onClick={onConfirm} autoFocus={!safe}>{confirm}</Button>
        </div>
      </div>
    </div>
  );
}

/** A small rounded label ("testnet", "can withdraw"). */
export function Badge({ tone = 'slate', children, title }: { tone?: 'slate' | 'amber' | 'red' | 'emerald' | 'sky'; children: ReactNode; title?: string }) {
  return <span title={title} className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${BADGE[tone]}`}>{children}</span>;
}

const BADGE = {
  slate: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  red: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-200',
  emerald: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
  sky: 'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-200',
};
