// The 20 best epochs of a finished run, best first (the server's order).
import type { HyperoptEpoch } from '../../api/hyperopts';
import { Card } from '../ui';
import { lossText, paramsText, profitText } from './numbers';

export function TrialsTable({ trials }: { trials: HyperoptEpoch[] }) {
  return (
    <Card className="overflow-x-auto">
      <h2 className="mb-2 font-semibold">Best epochs ({trials.length})</h2>
      <table className="w-full text-sm" aria-label="Best epochs">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pr-3">epoch</th><th className="pr-3">loss</th><th className="pr-3">trades</th>
            <th className="pr-3">profit</th><th className="pr-3">params</th><th className="pr-3">stoploss</th><th>minimal_roi</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((t) => (
            <tr key={t.epoch} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="pr-3">{t.epoch}</td>
              <td className="pr-3">{lossText(t.loss)}</td>
              <td className="pr-3">{t.trades}</td>
              <td className="pr-3 whitespace-nowrap">{profitText(t)}</td>
              <td className="pr-3 font-mono text-xs">{paramsText(t.params)}</td>
              <td className="pr-3">{t.stoploss ?? ''}</td>
              <td className="font-mono text-xs">{t.minimal_roi ? JSON.stringify(t.minimal_roi) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
