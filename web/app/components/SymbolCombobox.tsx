// The market search of the bot form (WAI-ARIA combobox with a list popup). Real venues list thousands of markets:
// they are searched on the server (GET /exchanges/{id}/symbols, debounced), the paper-only venue's short list here;
// either way at most 20 options are drawn.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { keys, searchSymbols } from '../api/hooks';
import type { Exchange, SymbolInfo } from '../api/types';
import { normalizeSymbol, rankSymbols } from '../lib/venues';
import { inputClass } from './ui';

export const SYMBOL_LIMIT = 20;
export const SEARCH_DEBOUNCE_MS = 150;

interface Props {
  id: string;
  venue: Exchange | undefined;
  value: string;
  /** The text as typed (the form keeps it as the symbol until one is picked). */
  onChange: (text: string) => void;
  onSelect: (symbol: SymbolInfo) => void;
  invalid?: boolean;
  describedBy?: string;
}

export function SymbolCombobox({ id, venue, value, onChange, onSelect, invalid, describedBy }: Props) {
  const listId = `${useId()}-symbols`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = value.trim();
  const q = useDebounced(text, SEARCH_DEBOUNCE_MS);
  // the server is asked once the typing has settled (no request per keystroke, none for a stale text); a local list
  // is ranked at once
  const { items, searching } = useSymbolSearch(venue, text, q, open);
  const shown = open ? items : [];

  useEffect(() => { setActive(-1); }, [text, venue?.id]);
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  function pick(s: SymbolInfo) {
    onSelect(s);
    setOpen(false);
    setActive(-1);
  }

  /** "btcusdt" typed and left: the market it names exactly, in its own spelling. */
  const exact = () => items.find((s) => normalizeSymbol(s.symbol) === normalizeSymbol(value) && value.trim() !== '');

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = shown.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) { setOpen(true); return; }
      if (n === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter' && open) {
      const chosen = active >= 0 ? shown[active] : exact();
      if (chosen || searching) e.preventDefault(); // picking is not submitting; nor is Enter before the answer is in
      if (chosen) pick(chosen);
      else if (!searching) setOpen(false);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  }

  const expanded = open && (shown.length > 0 || searching);
  return (
    <div className="relative">
      <input id={id} role="combobox" autoComplete="off" spellCheck={false} autoCapitalize="characters"
        className={inputClass} value={value} aria-invalid={invalid} aria-describedby={describedBy}
        aria-autocomplete="list" aria-expanded={expanded} aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => { onChange(e.target.value.toUpperCase()); setOpen(true); }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          const match = open ? exact() : undefined;
          if (match && match.symbol !== value) onSelect(match);
          setOpen(false);
          setActive(-1);
        }} />
      <ul id={listId} role="listbox" aria-label={`Markets of ${venue?.name ?? 'the exchange'}`} aria-busy={searching} hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800">
        {shown.map((s, i) => (
          <li key={s.symbol} id={`${listId}-${i}`} role="option" aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault() /* keep the focus in the input */}
            onClick={() => pick(s)} onMouseMove={() => { if (active !== i) setActive(i); }}
            className={`flex cursor-pointer items-baseline justify-between gap-2 px-2 py-1.5 ${i === active ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}>
            <span className="font-medium">{s.symbol}</span>
            <span className="truncate text-xs text-slate-500">tick {s.tickSize} · lot {s.lotSize}</span>
          </li>
        ))}
        {shown.length === 0 && searching && <li role="presentation" className="px-2 py-1.5 text-slate-500">Searching…</li>}
      </ul>
      <span role="status" className="sr-only">
        {open && !searching ? (items.length === 0 ? 'No matching market' : `${items.length} market${items.length === 1 ? '' : 's'} found`) : ''}
      </span>
    </div>
  );
}

/**
 * Up to 20 best matches of `q`: the server's search for venues with live trading (their lists are long), a local
 * ranking of the venue's own list for paper-only venues, and when the search fails (e.g. an older server's 404).
 */
function useSymbolSearch(venue: Exchange | undefined, text: string, q: string, open: boolean): { items: SymbolInfo[]; searching: boolean } {
  const remote = !!venue && venue.liveTrading;
  const settled = q === text;
  const search = useQuery({
    queryKey: keys.symbols(venue?.id ?? '', q),
    enabled: open && remote && settled,
    staleTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: () => searchSymbols(venue!.id, q, SYMBOL_LIMIT),
  });
  const normalized = useMemo(() => (venue?.symbols ?? []).map((s) => normalizeSymbol(s.symbol)), [venue]);
  const local = useMemo(() => (open && (!remote || search.isError) ? rankSymbols(venue?.symbols ?? [], text, SYMBOL_LIMIT, normalized) : []),
    [open, remote, search.isError, venue, text, normalized]);
  if (!remote || search.isError) return { items: local, searching: false };
  return { items: search.data ?? [], searching: search.isFetching || (open && !settled) };
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
