// Upload a LightGBM model file: the server validates it and answers with what it found, or why it refuses it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { modelApi, modelKeys, type Model } from '../../api/models';
import { mapProblem } from '../../lib/errors';
import { fileRefusal, fileSize, modelLabel } from '../../lib/models';
import { Button, Card, Field, inputClass } from '../ui';

const FIELDS = ['file', 'name', 'symbol', 'description'] as const;
type Errors = { fields: Record<string, string>; general: string[] };
const NONE: Errors = { fields: {}, general: [] };

export function UploadForm() {
  const qc = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [symbol, setSymbol] = useState('BTC/USDT');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>(NONE);
  const [uploaded, setUploaded] = useState<Model | null>(null);
  const upload = useMutation({ mutationFn: modelApi.upload, onSettled: () => qc.invalidateQueries({ queryKey: modelKeys.models }) });

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors(NONE);
    setUploaded(null);
    upload.mutate({ file, name, symbol, description }, {
      onSuccess: (m) => {
        setUploaded(m);
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
      },
      onError: (err) => setErrors(errorsOf(err)),
    });
  }

  return (
    <Card>
      <h2 className="mb-3 font-semibold">Upload a model</h2>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Upload a model">
        {errors.general.length > 0 && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 sm:col-span-2 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {errors.general.map((g) => <p key={g}>{g}</p>)}
          </div>
        )}
        <div className="sm:col-span-2">
          <Field label="Model file (LightGBM text)" htmlFor="model-file" error={errors.fields.file}
                 help="A binary classifier trained on a feature set botfleet knows (seed-v1); at most 8 MB.">
            <input id="model-file" ref={fileInput} type="file" accept=".txt,text/plain" aria-invalid={!!errors.fields.file}
              aria-describedby={errors.fields.file ? 'model-file-error' : undefined}
              className="text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
        </div>
        <Field label="Name" htmlFor="model-name" error={errors.fields.name} help="Uploading a name you already have makes its next version.">
          <input id="model-name" className={inputClass} value={name} aria-invalid={!!errors.fields.name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Symbol" htmlFor="model-symbol" error={errors.fields.symbol} help="The market it was trained for, BASE/QUOTE.">
          <input id="model-symbol" className={inputClass} value={symbol} aria-invalid={!!errors.fields.symbol} onChange={(e) => setSymbol(e.target.value)} />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Description (optional)" htmlFor="model-description" error={errors.fields.description}>
            <input id="model-description" className={inputClass} value={description} aria-invalid={!!errors.fields.description}
              onChange={(e) => setDescription(e.target.value)} />
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" variant="primary" disabled={upload.isPending}>{upload.isPending ? 'Uploading…' : 'Upload'}</Button>
        </div>
      </form>
      {uploaded && <UploadResult model={uploaded} />}
    </Card>
  );
}

/** What validation found in the accepted file. */
export function UploadResult({ model }: { model: Model }) {
  return (
    <div role="status" data-testid="upload-result"
      className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
      <p className="font-semibold">Accepted: {modelLabel(model)}</p>
      <dl className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
        <div><dt className="text-xs">Feature set</dt><dd>{model.featureSet}</dd></div>
        <div><dt className="text-xs">Features</dt><dd>{model.featureCount}</dd></div>
        <div><dt className="text-xs">Objective</dt><dd>{model.objective}</dd></div>
        <div><dt className="text-xs">Trees</dt><dd>{model.trees}</dd></div>
      </dl>
      <p className="mt-1 text-xs">{fileSize(model.fileSize)} · SHA-256 {model.sha256.slice(0, 12)}…</p>
    </div>
  );
}

/** 400s land at their field (the file's refusal in plain words); anything else is said above the form. */
function errorsOf(err: Error): Errors {
  if (!(err instanceof ApiError)) return { fields: {}, general: [err.message] };
  const mapped = mapProblem(err.problem, FIELDS, []);
  const refusal = fileRefusal(err.problem);
  const fields = refusal ? { ...mapped.fields, file: refusal } : mapped.fields;
  if (err.status === 413) return { fields: { file: 'The file is too large to upload (over 16 MB).' }, general: [] };
  return { fields, general: mapped.general };
}
