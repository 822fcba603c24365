// /models: the model registry (upload, versions, usage, delete) and training jobs (form, progress, report).
import { useState } from 'react';
import { ModelList } from '../components/models/ModelList';
import { TrainingForm } from '../components/models/TrainingForm';
import { PastTrainings, TrainingJobView } from '../components/models/TrainingJobs';
import { UploadForm } from '../components/models/UploadForm';

export function ModelsPage() {
  /** The training job shown: the one just submitted, or one reopened from the list. */
  const [job, setJob] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Models</h1>
        <p className="text-sm text-slate-500">LightGBM models for ml-signal bots: upload one, or train one on a shipped dataset.</p>
      </div>
      <ModelList />
      <div className="grid gap-4 lg:grid-cols-2">
        <UploadForm />
        <PastTrainings selected={job} onOpen={(j) => setJob(j.id)} />
      </div>
      <TrainingForm onStarted={(j) => setJob(j.id)} />
      {job && <TrainingJobView key={job} id={job} />}
    </div>
  );
}
