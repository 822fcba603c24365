// recursive-analysis's answer: per pair, one row per indicator and one column per startup count (the difference from
// the largest count, as the CLI prints it); a flagged row is highlighted, and the advice says how many startup
// candles the strategy needs (startup_candle_count).
import type { RecursiveResponse, RecursiveResult } from '../../api/analysis';
import { driftText, startupAdvice } from '../../lib/analysis';
import { Card } from '../ui';

export function RecursiveReport({ answer }: { answer: RecursiveResponse }) {
  const flagged = answer.flaggedIndicators;
  return (
    <Card className="flex flex-col gap-4" data-testid="recursive-result">
      <h2 className="font-semibold">Recursive analysis · {answer.strategy}</h2>
      <p data-testid="check-headline" className={`font-semibold ${flagged.length ? 'text-amber-700 dark:text-amber-400' : 'text-emerald-700 dark:text-emerald-400'}`}>
        {flagged.length ? `Depends on its startup candles: ${flagged.join(', ')}` : 'No indicator depends on its startup candles above the threshold'}
      </p>
      {answer.pairs.map(({ pair, result }) => <PairDrift key={pair} pair={pair} result={result} />)}
    </Card>
  );
}

function PairDrift({ pair, result }: { pair: string; result: RecursiveResult }) {
  const counts = result.startupCandles;
  const advice = startupAdvice(result);
  return (
    <section className="flex flex-col gap-2" data-pair={pair} aria-label={`Recursive ${pair}`}>
      <h3 className="text-sm font-semibold">{pair}</h3>
      <p className="text-xs text-slate-500">Difference from {counts[counts.length - 1]} startup candles; flagged above {result.thresholdPercent} %.</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label={`Startup candles ${pair}`}>
          <thead>
            <tr className="text-left text-xs text-slate-500"><th>Indicator</th>{counts.map((c) => <th key={c}>{c}</th>)}</tr>
          </thead>
          <tbody>
            {result.indicators.map((d) => (
              <tr key={d.indicator} data-flagged={d.flagged} className={`border-t border-slate-100 dark:border-slate-800 ${d.flagged ? 'bg-amber-50 font-medium dark:bg-amber-950' : ''}`}>
                <td>{d.indicator}{d.flagged && <span title="differs by more than the threshold"> *</span>}</td>
                {counts.map((c) => <td key={c}>{driftText(d.differencePercent[String(c)])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm" data-testid="startup-advice">
        {!advice ? `Every indicator is within ${result.thresholdPercent} % from ${counts[0]} startup candles on.`
          : advice.atLargest
            ? `${advice.indicators.join(', ')} still differ below ${advice.count} startup candles: set startup_candle_count to at least ${advice.count}, and try larger counts to see where it settles.`
            : `${advice.indicators.join(', ')} settle from ${advice.count} startup candles: set startup_candle_count to at least ${advice.count}.`}
      </p>
      <ul aria-label={`Recursive notes ${pair}`}>
        {result.warnings.map((w) => <li key={w} className="break-words text-xs text-amber-600">{w}</li>)}
      </ul>
    </section>
  );
}
