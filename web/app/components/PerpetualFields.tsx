// The bot form's perpetual section: leverage (typed or picked, up to the market's maximum) and margin mode. Only shown
// for a perpetual market; spot bots send neither.
import type { MarginMode, SymbolInfo } from '../api/types';
import { compare, isDecimal } from '../lib/decimal';
import { leveragePicks, MARGIN_MODES, plainNumber } from '../lib/perpetual';
import { Field, inputClass } from './ui';

interface Props {
  instrument: SymbolInfo;
  leverage: string;
  marginMode: MarginMode;
  errors: { leverage?: string; marginMode?: string };
  onLeverage: (value: string) => void;
  onMarginMode: (value: MarginMode) => void;
}

export function PerpetualFields({ instrument, leverage, marginMode, errors, onLeverage, onMarginMode }: Props) {
  const max = instrument.maxLeverage && isDecimal(instrument.maxLeverage) ? plainNumber(instrument.maxLeverage) : null;
  const settle = instrument.settleAsset ?? instrument.quoteAsset;
  const mode = MARGIN_MODES.find((m) => m.value === marginMode) ?? MARGIN_MODES[0];
  return (
    <section aria-label="Perpetual contract" className="grid gap-4 rounded-md border border-indigo-200 bg-indigo-50/50 p-3 sm:col-span-2 sm:grid-cols-2 dark:border-indigo-900 dark:bg-indigo-950/30">
      <p className="text-sm sm:col-span-2" data-testid="perpetual-facts">
        <span className="font-semibold">Perpetual contract</span> · settles in {settle}{max ? ` · max ${max}×` : ''}
      </p>
      <Field label="Leverage" htmlFor="leverage" error={errors.leverage}
             help={`Position size ÷ margin. 1× means no borrowing${max ? `; up to ${max}× on ${instrument.symbol}` : ''}.`}>
        <div className="flex items-center gap-2">
          <input id="leverage" type="number" inputMode="decimal" min="1" max={max ?? undefined} step="any"
            className={`${inputClass} tabular-nums`} value={leverage} placeholder="1"
            aria-invalid={!!errors.leverage} aria-describedby={errors.leverage ? 'leverage-error' : undefined}
            onChange={(e) => onLeverage(e.target.value)} />
          <span className="text-sm text-slate-500">×</span>
        </div>
        <div className="flex flex-wrap gap-1" role="group" aria-label="Leverage quick picks">
          {leveragePicks(instrument.maxLeverage).map((pick) => {
            const chosen = isDecimal(leverage) && compare(leverage, pick) === 0;
            return (
              <button key={pick} type="button" aria-pressed={chosen} onClick={() => onLeverage(pick)}
                className={`min-w-11 rounded px-2 py-1 text-xs font-semibold tabular-nums ${chosen
                  ? 'bg-indigo-600 text-white'
                  : 'bg-indigo-100 text-indigo-800 hover:bg-indigo-200 dark:bg-indigo-950 dark:text-indigo-200'}`}>
                {pick}×
              </button>
            );
          })}
        </div>
      </Field>
      <Field label="Margin mode" htmlFor="marginMode" error={errors.marginMode} help={mode.help}>
        <select id="marginMode" className={inputClass} value={marginMode} aria-invalid={!!errors.marginMode}
          onChange={(e) => onMarginMode(e.target.value as MarginMode)}>
          {MARGIN_MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </Field>
    </section>
  );
}
