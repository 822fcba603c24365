// The intelligence slider's table next to the slider: what every level means, the chosen one highlighted, so a user
// sees what moving the slider changes (risk accepted, size, slippage, gas, lane, checks) before creating the bot.
import { useIntelLevels } from './dexApi';

const words = (check: string) => check.toLowerCase().replace(/_/g, ' ');

export function IntelTable({ selected }: { selected: number }) {
  const { data: levels, isError } = useIntelLevels();
  if (isError) return <p className="text-sm text-red-600">The levels' table could not be loaded.</p>;
  if (!levels) return null;
  const chosen = levels.find((l) => l.level === selected);
  return (
    <div className="space-y-2">
      {chosen && (
        <p className="text-sm" data-testid="intel-chosen">
          <strong>{chosen.name}</strong>: buys tokens with a risk score up to {chosen.maxRiskScore}, at most{' '}
          {chosen.positionPercent} % of the budget a buy, {chosen.slippageBps / 100} % slippage,{' '}
          {chosen.gas.toLowerCase()} gas; {chosen.lane === 'FAST' ? 'fast lane' : 'smart lane'} — checks{' '}
          {chosen.checks.map(words).join(', ')}.
        </p>
      )}
      <table className="w-full text-xs" aria-label="What each level means">
        <thead>
          <tr className="text-left">
            <th>level</th><th>name</th><th>max risk</th><th>position</th><th>slippage</th><th>gas</th><th>lane</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((l) => (
            <tr key={l.level} aria-selected={l.level === selected}
              className={l.level === selected ? 'bg-blue-100 font-semibold dark:bg-blue-900' : undefined}>
              <td>{l.level}</td><td>{l.name}</td><td>{l.maxRiskScore}</td><td>{l.positionPercent} %</td>
              <td>{l.slippageBps / 100} %</td><td>{l.gas.toLowerCase()}</td><td>{l.lane.toLowerCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
