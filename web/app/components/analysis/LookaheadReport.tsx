// lookahead-analysis's answer: a headline for the whole config, then one row per pair as Freqtrade's table
// (has_bias, total_signals, biased entry/exit signals, biased indicators) with the biased candles' times and notes.
import type { LookaheadResponse, SignalRef } from '../../api/analysis';
import { Badge, Card } from '../ui';

/** Biased signals listed by time before "+N more". */
const SHOWN_SIGNALS = 5;

export function LookaheadReport({ answer }: { answer: LookaheadResponse }) {
  const checked = answer.pairs.reduce((n, p) => n + p.result.signalsChecked, 0);
  const biased = answer.pairs.filter((p) => p.result.hasBias);
  return (
    <Card className="flex flex-col gap-3" data-testid="lookahead-result">
      <h2 className="font-semibold">Lookahead analysis · {answer.strategy}</h2>
      <p data-testid="check-headline" className={`font-semibold ${answer.hasBias ? 'text-red-600 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}`}>
        {answer.hasBias ? `Bias: ${biased.map((p) => `${p.pair} (${describe(p.result)})`).join('; ')}`
          : `No lookahead bias found in ${checked} signals`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Lookahead per pair">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th>Pair</th><th>Has bias</th><th>Signals checked</th><th>Biased entry signals</th><th>Biased exit signals</th><th>Biased indicators</th>
            </tr>
          </thead>
          <tbody>
            {answer.pairs.map(({ pair, result }) => (
              <tr key={pair} data-pair={pair} className={`border-t border-slate-100 align-top dark:border-slate-800 ${result.hasBias ? 'bg-red-50 dark:bg-red-950' : ''}`}>
                <td>{pair}</td>
                <td>{result.hasBias ? <Badge tone="red">yes</Badge> : <Badge tone="emerald">no</Badge>}</td>
                <td>{result.signalsChecked}</td>
                <td><Signals refs={result.biasedEntrySignals} /></td>
                <td><Signals refs={result.biasedExitSignals} /></td>
                <td>{result.biasedIndicators.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label="Lookahead notes">
        {answer.pairs.flatMap(({ pair, result }) => result.warnings.map((w) => (
          <li key={`${pair}: ${w}`} className="break-words text-xs text-amber-600">{pair}: {w}</li>
        )))}
      </ul>
      <p className="text-xs text-slate-500">Like Freqtrade's, the check looks at results, not code: it can only catch bias that shows on the signals checked.</p>
    </Card>
  );
}

function describe(r: LookaheadResponse['pairs'][number]['result']): string {
  const parts = [];
  if (r.biasedEntrySignals.length) parts.push(`${r.biasedEntrySignals.length} entry`);
  if (r.biasedExitSignals.length) parts.push(`${r.biasedExitSignals.length} exit`);
  const signals = parts.length ? `${parts.join(' and ')} of ${r.signalsChecked} signals changed` : '';
  const indicators = r.biasedIndicators.length ? `indicators ${r.biasedIndicators.join(', ')}` : '';
  return [signals, indicators].filter(Boolean).join('; ');
}

function Signals({ refs }: { refs: SignalRef[] }) {
  if (refs.length === 0) return <>0</>;
  return (
    <span>
      {refs.length}:{' '}
      {refs.slice(0, SHOWN_SIGNALS).map((s) => <time key={s.candle} dateTime={new Date(s.openTime).toISOString()} className="mr-2 whitespace-nowrap">{candleTime(s.openTime)}</time>)}
      {refs.length > SHOWN_SIGNALS && <span className="text-slate-500">+{refs.length - SHOWN_SIGNALS} more</span>}
    </span>
  );
}

/** A candle's open time in UTC as Freqtrade prints dates: "2018-01-20 10:05:00". */
export function candleTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
