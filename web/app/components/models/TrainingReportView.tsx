// A finished training job's report: AUCs, precision/recall at thresholds, feature importance as bars.
import type { TrainingReport } from '../../api/models';
import { gainShares, ratio, score } from '../../lib/models';

export function TrainingReportView({ report }: { report: TrainingReport }) {
  return (
    <div className="flex flex-col gap-4" data-testid="training-report">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label="Validation AUC" value={score(report.validationAuc)} testId="validation-auc" />
        <Figure label="Train AUC" value={score(report.trainAuc)} />
        <Figure label="Rows (train / validation)" value={`${report.trainRows.toLocaleString()} / ${report.validationRows.toLocaleString()}`} />
        <Figure label="Positives (train / validation)" value={`${ratio(report.trainPositiveRate)} / ${ratio(report.validationPositiveRate)}`} />
      </dl>
      <p className="text-xs text-slate-500">Feature set {report.featureSet} · {report.iterations} iterations · {report.parameters}</p>

      <div className="overflow-x-auto">
        <h4 className="mb-1 text-sm font-medium">On the validation rows, entering at or above a threshold</h4>
        <table className="w-full text-sm tabular-nums" aria-label="Precision and recall at thresholds">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1">Threshold</th><th>Entries</th><th>Precision</th><th>Recall</th></tr>
          </thead>
          <tbody>
            {report.validationThresholds.map((t) => (
              <tr key={t.threshold} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1">{t.threshold.toFixed(2)}</td>
                <td>{t.predictedPositives}</td>
                <td>{ratio(t.precision)}</td>
                <td>{ratio(t.recall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div>
        <h4 className="mb-1 text-sm font-medium">Feature importance (total gain)</h4>
        <ol className="flex flex-col gap-1 text-xs" aria-label="Feature importance">
          {gainShares(report.featureImportance).map((f) => (
            <li key={f.feature} className="grid grid-cols-[10rem_1fr_4rem] items-center gap-2" data-feature={f.feature}>
              <span className="truncate" title={f.feature}>{f.feature}</span>
              <span className="h-3 rounded bg-slate-100 dark:bg-slate-800">
                <span className="block h-3 rounded bg-indigo-500" style={{ width: `${(f.share * 100).toFixed(1)}%` }} data-share={f.share.toFixed(3)} />
              </span>
              <span className="text-right tabular-nums">{f.gain == null ? '—' : f.gain.toFixed(1)}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}
