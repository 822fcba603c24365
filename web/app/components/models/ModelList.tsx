// The caller's models by name, each version with what validation found, the bots using it, download and delete.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { modelApi, modelKeys, useModels, type BotRef, type Model } from '../../api/models';
import { time } from '../../lib/format';
import { botsOf, fileSize, groupByName } from '../../lib/models';
import { useToast } from '../Toasts';
import { Button, Card, ConfirmDialog, Empty, ErrorBox, Spinner } from '../ui';

/** A refused delete: the message and the bots that still use the model. */
interface Refusal { message: string; bots: BotRef[] }

export function ModelList() {
  const models = useModels();
  const qc = useQueryClient();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Model | null>(null);
  const [refused, setRefused] = useState<Record<string, Refusal>>({});
  const remove = useMutation({ mutationFn: (m: Model) => modelApi.remove(m.id), onSettled: () => qc.invalidateQueries({ queryKey: modelKeys.models }) });

  function doDelete(m: Model) {
    setConfirm(null);
    remove.mutate(m, {
      onSuccess: () => { toast.success(`${m.name} v${m.version} deleted`); setRefused((r) => without(r, m.id)); },
      onError: (e) => {
        const bots = e instanceof ApiError ? botsOf(e.problem) : [];
        setRefused((r) => ({ ...r, [m.id]: { message: e instanceof ApiError && e.status === 409
          ? 'Cannot delete: bots use this model. Switch them to another model or delete them first.' : e.message, bots } }));
      },
    });
  }

  return (
    <Card>
      <h2 className="mb-3 font-semibold">Your models</h2>
      {models.isPending ? <Spinner /> : models.isError ? <ErrorBox error={models.error} /> :
        models.data.items.length === 0 ? <Empty>No models yet: upload one or train one below.</Empty> : (
          <div className="flex flex-col gap-4">
            {groupByName(models.data.items).map((g) => (
              <section key={g.name} aria-label={`Model ${g.name}`} data-model-name={g.name}>
                <h3 className="mb-1 font-medium">{g.name} <span className="text-xs text-slate-500">{g.versions.length} version{g.versions.length === 1 ? '' : 's'}</span></h3>
                <ul className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                  {g.versions.map((m) => (
                    <ModelRow key={m.id} model={m} refusal={refused[m.id]} onDelete={() => setConfirm(m)}
                      onDownload={() => modelApi.download(m).catch((e: Error) => toast.error(e.message))} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      <ConfirmDialog open={confirm != null} title={`Delete ${confirm?.name} v${confirm?.version}?`} confirm="Delete"
        text="The model and its file are removed. This cannot be undone."
        onCancel={() => setConfirm(null)} onConfirm={() => confirm && doDelete(confirm)} />
    </Card>
  );
}

function ModelRow({ model: m, refusal, onDelete, onDownload }:
  { model: Model; refusal?: Refusal; onDelete: () => void; onDownload: () => void }) {
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-1 p-2 text-sm" data-model-id={m.id} data-testid={`model-${m.name}-v${m.version}`}>
      <div className="min-w-0 flex-1">
        <p><span className="font-semibold">v{m.version}</span> · {m.symbol} · {m.featureSet} ({m.featureCount} features) · {m.objective} · {m.trees} trees</p>
        <p className="text-xs text-slate-500">{time(m.createdAt)} · {fileSize(m.fileSize)}{m.description ? ` · ${m.description}` : ''}</p>
        <p className="text-xs" data-testid="model-usage">
          {m.usedBy.length === 0 ? <span className="text-slate-500">Not used by any bot</span> : <>Used by <BotLinks bots={m.usedBy} /></>}
        </p>
        {refusal && (
          <div role="alert" className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
            {refusal.message}{refusal.bots.length > 0 && <> In use by <BotLinks bots={refusal.bots} />.</>}
          </div>
        )}
      </div>
      <div className="flex gap-2">
        <Button onClick={onDownload} aria-label={`Download ${m.name} v${m.version}`}>Download</Button>
        <Button variant="danger" onClick={onDelete} aria-label={`Delete ${m.name} v${m.version}`}>Delete</Button>
      </div>
    </li>
  );
}

function BotLinks({ bots }: { bots: BotRef[] }) {
  return (
    <>
      {bots.map((b, i) => (
        <span key={b.id}>{i > 0 && ', '}<Link to={`/bots/${b.id}`} className="text-indigo-600 underline dark:text-indigo-400">{b.name}</Link></span>
      ))}
    </>
  );
}

function without(r: Record<string, Refusal>, id: string): Record<string, Refusal> {
  const rest = { ...r };
  delete rest[id];
  return rest;
}
