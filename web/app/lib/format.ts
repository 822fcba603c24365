import { compare, isDecimal } from './decimal';

/** Money keeps the server's exact digits; only a sign and colour are added. */
export function signed(value: string | null | undefined): string {
  if (value == null || !isDecimal(value)) return '—';
  return compare(value, '0') > 0 ? `+${value.trim()}` : value.trim();
}

export function pnlClass(value: string | null | undefined): string {
  if (value == null || !isDecimal(value)) return 'text-slate-500';
  const c = compare(value, '0');
  return c > 0 ? 'text-emerald-600 dark:text-emerald-400' : c < 0 ? 'text-red-600 dark:text-red-400' : '';
}

export function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString();
}

/** Today's times as a clock time, older ones with their date: short enough for a phone-width card. */
export function sinceTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toDateString() === now.toDateString() ? d.toLocaleTimeString() : d.toLocaleDateString();
}
