// A token's risk report: the 0-100 score, each factor with its verdict, value and plain explanation, and how an
// intelligence level would decide (docs/dex-risk.md).
import { Badge, Card, ErrorBox, Spinner } from '../ui';
import { useTokenRisk, type RiskQuery, type RiskFactor } from './dexApi';

const TONE: Record<RiskFactor['verdict'], 'emerald' | 'amber' | 'red' | 'slate'> = {
  PASS: 'emerald', WARN: 'amber', FAIL: 'red', UNKNOWN: 'slate',
};

const CHECK_NAME: Record<string, string> = {
  LIQUIDITY: 'Liquidity and price impact', HONEYPOT: 'Honeypot (simulated buy and sell)', PRIVILEGES: 'Owner privileges',
  TRANSFER_TAX: 'Transfer taxes', HOLDERS: 'Holder concentration', CONTRACT_AGE: 'Contract age',
  MEMPOOL: 'Pending transactions (mempool)',
};

export function TokenRiskReport({ query }: { query: RiskQuery }) {
  const risk = useTokenRisk(query);
  if (risk.isPending) return <Spinner label="Analysing the token…" />;
  if (risk.isError) return <ErrorBox error={risk.error} />;
  const r = risk.data;
  const scoreTone = r.score >= 60 ? 'red' : r.score >= 30 ? 'amber' : 'emerald';
  return (
    <Card data-testid="token-risk">
      <div className="mb-3 flex flex-wrap items-baseline gap-3">
        <h2 className="font-semibold">{r.symbol ?? r.token}</h2>
        <Badge tone={scoreTone} title="0 = nothing found, 100 = certain loss">
          <span data-testid="risk-score">risk {r.score} / 100</span>
        </Badge>
        <span className="text-sm text-slate-500">
          buying {r.size} {r.quoteSymbol} on {r.network}, block {r.block}
        </span>
      </div>
      {r.level && (
        <p className="mb-3 text-sm" data-testid="risk-level">
          Intelligence level {r.level.level} ({r.level.name}, {r.level.lane.toLowerCase()} lane, at most {r.level.maxRiskScore}):{' '}
          {r.level.buys ? <strong className="text-emerald-700">would buy</strong>
            : <strong className="text-red-700">would refuse ({r.level.failing.join(', ')})</strong>}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead><tr className="text-left text-slate-500">
            <th className="py-1 pr-3">Factor</th><th className="pr-3">Verdict</th><th className="pr-3">Value</th>
            <th className="pr-3 text-right">Points</th><th>What it means</th>
          </tr></thead>
          <tbody>
            {r.factors.map((f) => (
              <tr key={f.check} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="risk-factor">
                <td className="py-1 pr-3 font-medium">{CHECK_NAME[f.check] ?? f.check}</td>
                <td className="pr-3"><Badge tone={TONE[f.verdict]}>{f.verdict}</Badge></td>
                <td className="pr-3">{f.value}</td>
                <td className="pr-3 text-right">{f.penalty}</td>
                <td className="text-slate-600 dark:text-slate-300">{f.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
