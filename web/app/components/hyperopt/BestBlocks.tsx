// The best epoch as Freqtrade prints it: its numbers, then the blocks of the spaces searched (params, minimal_roi,
// stoploss, trailing), each as JSON ready to paste into a strategy or config.json.
import type { HyperoptEpoch } from '../../api/hyperopts';
import { Card } from '../ui';
import { lossText, profitText } from './numbers';

export function BestBlocks({ best, title }: { best: HyperoptEpoch; title: string }) {
  const blocks: [string, unknown][] = [['params', best.params], ['minimal_roi', best.minimal_roi],
    ['stoploss', best.stoploss], ['trailing', best.trailing]];
  return (
    <Card className="flex flex-col gap-3" data-testid="hyperopt-best">
      <h2 className="font-semibold">{title}</h2>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div><dt className="text-xs text-slate-500">epoch</dt><dd data-best="epoch">{best.epoch}</dd></div>
        <div><dt className="text-xs text-slate-500">loss ({best.loss_function})</dt><dd data-best="loss">{lossText(best.loss)}</dd></div>
        <div><dt className="text-xs text-slate-500">trades (wins)</dt><dd data-best="trades">{best.trades} ({best.wins})</dd></div>
        <div><dt className="text-xs text-slate-500">profit</dt><dd data-best="profit">{profitText(best)}</dd></div>
      </dl>
      <div className="grid gap-3 sm:grid-cols-2">
        {blocks.filter(([, v]) => v !== undefined && v !== null).map(([name, value]) => (
          <section key={name} aria-label={`Best ${name}`}>
            <h3 className="text-xs font-medium text-slate-500">{name}</h3>
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" data-block={name}>
              {JSON.stringify(value, null, 2)}
            </pre>
          </section>
        ))}
      </div>
    </Card>
  );
}
