// The job being watched (polled until DONE or FAILED, then its report) and the past jobs to reopen.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { finished, modelKeys, useTrainingJob, useTrainingJobs, type TrainingJob, type TrainingStatus } from '../../api/models';
import { time } from '../../lib/format';
import { score } from '../../lib/models';
import { Badge, Button, Card, Empty, ErrorBox, Spinner } from '../ui';
import { TrainingReportView } from './TrainingReportView';

const TONE: Record<TrainingStatus, 'slate' | 'sky' | 'emerald' | 'red'> = { QUEUED: 'slate', RUNNING: 'sky', DONE: 'emerald', FAILED: 'red' };
const WORDS: Record<TrainingStatus, string> = {
  QUEUED: 'Queued: waiting for the trainer…',
  RUNNING: 'Training: building features and trees…',
  DONE: 'Done: the model is registered.',
  FAILED: 'Failed.',
};

export function StatusTag({ status }: { status: TrainingStatus }) {
  return <span data-training-status={status}><Badge tone={TONE[status]}>{status}</Badge></span>;
}

/** The chosen job, asked every second until it has finished; then the models list is fresh and the report shown. */
export function TrainingJobView({ id }: { id: string }) {
  const job = useTrainingJob(id);
  const qc = useQueryClient();
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'DONE') {
      void qc.invalidateQueries({ queryKey: modelKeys.models });
      void qc.invalidateQueries({ queryKey: modelKeys.trainings });
    }
  }, [status, qc]);

  if (job.isPending) return <Card><Spinner label="Loading the training job…" /></Card>;
  if (job.isError) return <Card><ErrorBox error={job.error} /></Card>;
  const j = job.data;
  return (
    <Card aria-label={`Training ${j.name}`} data-testid="training-job">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Training {j.name}</h2>
        <StatusTag status={j.status} />
        <span className="text-xs text-slate-500">{j.request?.dataset ?? ''} · started {time(j.startedAt ?? j.createdAt)}</span>
      </div>
      <p role="status" className="text-sm">
        {!finished(j.status) && <span className="mr-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600 align-middle" />}
        {WORDS[j.status]}
      </p>
      {j.status === 'FAILED' && j.error && <ErrorBox error={new Error(j.error)} />}
      {j.status === 'DONE' && j.report && <div className="mt-3"><TrainingReportView report={j.report} /></div>}
    </Card>
  );
}

export function PastTrainings({ selected, onOpen }: { selected: string | null; onOpen: (job: TrainingJob) => void }) {
  const jobs = useTrainingJobs();
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Training jobs</h2>
      {jobs.isPending ? <Spinner /> : jobs.isError ? <ErrorBox error={jobs.error} /> :
        jobs.data.items.length === 0 ? <Empty>No training jobs yet.</Empty> : (
          <ul className="flex flex-col divide-y divide-slate-200 text-sm dark:divide-slate-800" aria-label="Training jobs">
            {jobs.data.items.map((j) => (
              <li key={j.id} className="flex flex-wrap items-center gap-2 py-1.5" data-job-id={j.id}>
                <span className="font-medium">{j.name}</span>
                <StatusTag status={j.status} />
                <span className="text-xs text-slate-500">{j.request?.dataset ?? ''} · {time(j.createdAt)}</span>
                {j.status === 'DONE' && <span className="text-xs">validation AUC {score(j.report?.validationAuc)}</span>}
                <Button variant="ghost" className="ml-auto" disabled={selected === j.id} onClick={() => onOpen(j)}
                  aria-label={`Show training ${j.name} of ${time(j.createdAt)}`}>{selected === j.id ? 'Shown' : 'Show'}</Button>
              </li>
            ))}
          </ul>
        )}
    </Card>
  );
}
