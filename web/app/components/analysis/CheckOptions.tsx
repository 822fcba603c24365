// Which check to run and its own settings, under the names of the server's request fields (and Freqtrade's options).
import type { CheckErrors } from '../../lib/analysis';
import { Button, Card, Field, inputClass } from '../ui';

export type CheckKind = 'lookahead' | 'recursive';

/** As typed; empty means the server's default. */
export interface CheckOptionValues { targetedTradeAmount: string; startupCandles: string; threshold: string }

/** Freqtrade's defaults: 20 signals of each kind; startup counts 199 399 499 999 1999; 0.5 %. */
export const DEFAULT_OPTIONS: CheckOptionValues = { targetedTradeAmount: '20', startupCandles: '199 399 499 999 1999', threshold: '0.5' };

export function CheckOptions({ kind, onKind, values, errors, onChange }: {
  kind: CheckKind; onKind: (k: CheckKind) => void; values: CheckOptionValues; errors: CheckErrors;
  onChange: (patch: Partial<CheckOptionValues>) => void;
}) {
  return (
    <Card className="flex flex-col gap-3">
      <div role="group" aria-label="Check" className="flex flex-wrap gap-1">
        <Button variant={kind === 'lookahead' ? 'primary' : 'secondary'} aria-pressed={kind === 'lookahead'} onClick={() => onKind('lookahead')}>
          Lookahead bias
        </Button>
        <Button variant={kind === 'recursive' ? 'primary' : 'secondary'} aria-pressed={kind === 'recursive'} onClick={() => onKind('recursive')}>
          Recursive (startup candles)
        </Button>
      </div>
      {kind === 'lookahead' ? (
        <>
          <p className="text-sm text-slate-500">Re-runs the strategy on the data cut right after each of its first entry and exit signals:
            a signal or an indicator that changes there used candles that came later.</p>
          <Field label="Targeted trade amount" htmlFor="ck-targetedTradeAmount" error={errors.targetedTradeAmount}
            help="Entry and exit signals checked per pair (1 to 100; Freqtrade's --targeted-trade-amount)">
            <input id="ck-targetedTradeAmount" inputMode="numeric" className={inputClass} value={values.targetedTradeAmount}
              aria-invalid={!!errors.targetedTradeAmount} onChange={(e) => onChange({ targetedTradeAmount: e.target.value })} />
          </Field>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-500">Runs the strategy with each count of startup candles and compares each indicator at the
            last candle with its value from the largest count: one that differs needs more history (startup_candle_count).</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Startup candle counts" htmlFor="ck-startupCandles" error={errors.startupCandles}
              help="1 to 10 counts, space separated; the largest is the reference (--startup-candle)">
              <input id="ck-startupCandles" className={inputClass} value={values.startupCandles}
                aria-invalid={!!errors.startupCandles} onChange={(e) => onChange({ startupCandles: e.target.value })} />
            </Field>
            <Field label="Threshold (%)" htmlFor="ck-threshold" error={errors.threshold} help="A larger difference flags the indicator">
              <input id="ck-threshold" inputMode="decimal" className={inputClass} value={values.threshold}
                aria-invalid={!!errors.threshold} onChange={(e) => onChange({ threshold: e.target.value })} />
            </Field>
          </div>
        </>
      )}
    </Card>
  );
}
