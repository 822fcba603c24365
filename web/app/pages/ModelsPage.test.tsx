// The Models page against a stand-in for the server's /models API (fetch stubbed at the client boundary).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Model, TrainingJob, TrainingReport } from '../api/models';
import { ToastProvider } from '../components/Toasts';
import { json } from '../testing/fakes';
import { ModelsPage } from './ModelsPage';

const model = (id: string, name: string, version: number, over: Partial<Model> = {}): Model => ({
  id, name, version, symbol: 'LTC/BTC', description: null, featureSet: 'seed-v1', featureCount: 24, objective: 'BINARY',
  trees: 100, fileSize: 52_000, sha256: 'a1b2c3d4e5f6a7b8', createdAt: '2026-12-01T10:00:00Z', usedBy: [], ...over,
});
const REPORT: TrainingReport = {
  featureSet: 'seed-v1', parameters: 'num_iterations=100 learning_rate=0.05', iterations: 100, trainRows: 4272, validationRows: 1429,
  trainPositiveRate: 0.52, validationPositiveRate: 0.5, trainAuc: 0.921, validationAuc: 0.834,
  validationThresholds: [
    { threshold: 0.5, predictedPositives: 700, precision: 0.75, recall: 0.73 },
    { threshold: 0.8, predictedPositives: 0, precision: null, recall: 0 },
  ],
  featureImportance: [{ feature: 'volatility_30', gain: 400, splits: 90 }, { feature: 'rsi_14', gain: 100, splits: 30 }],
};

let models: Model[] = [];
let jobs: TrainingJob[] = [];
/** The statuses the next polls of the job walk through. */
let script: TrainingJob['status'][] = [];
const uploads: FormData[] = [];
const trainings: Record<string, unknown>[] = [];
type Handler = (url: string, method: string, init: RequestInit) => Response | undefined;

function serve(handler: Handler = () => undefined) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const answer = handler(url, method, init);
    if (answer) return answer;
    if (url === '/api/v1/models?size=100') return json({ items: models, page: 0, size: 100, total: models.length });
    if (url === '/api/v1/models/training?size=20') return json({ items: jobs, page: 0, size: 20, total: jobs.length });
    if (url === '/api/v1/backtests/datasets') return json([
      { id: 'LTC_BTC-5m', symbol: 'LTC/BTC', timeframe: '5m', candles: 8640, from: '2018-01-01T00:00:00Z', to: '2018-01-31T00:00:00Z' },
      { id: 'BTC_USDT-1h', symbol: 'BTC/USDT', timeframe: '1h', candles: 2000, from: '2020-01-01T00:00:00Z', to: '2020-03-24T00:00:00Z' },
    ]);
    const poll = /^\/api\/v1\/models\/training\/(.+)$/.exec(url);
    if (poll) {
      const job = jobs.find((j) => j.id === poll[1])!;
      const status = script.shift() ?? job.status;
      Object.assign(job, { status }, status === 'DONE' ? { report: REPORT, modelId: 'm9' } : {});
      if (status === 'DONE' && !models.some((m) => m.id === 'm9')) models = [model('m9', job.name, 1, { description: `trained by job ${job.id}` }), ...models];
      return json(job);
    }
    return json({ status: 404, detail: `unexpected ${method} ${url}` }, 404);
  }));
}

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter initialEntries={['/models']}><Routes>
    <Route path="/models" element={<ModelsPage />} />
    <Route path="/bots/:id" element={<p>bot page</p>} />
  </Routes></MemoryRouter></ToastProvider></QueryClientProvider>);
}

beforeEach(() => { models = []; jobs = []; script = []; uploads.length = 0; trainings.length = 0; });
afterEach(() => vi.unstubAllGlobals());

const uploadForm = () => within(screen.getByRole('form', { name: 'Upload a model' }));
const file = (text: string, name = 'model.txt') => new File([text], name, { type: 'text/plain' });

describe('Models page: upload', () => {
  it('uploads the file with name and symbol, shows what validation found, and lists the model', async () => {
    serve((url, method, init) => {
      if (url !== '/api/v1/models' || method !== 'POST') return undefined;
      uploads.push(init.body as FormData);
      const created = model('m1', 'scalp', 1, { trees: 57, featureCount: 24 });
      models = [created];
      return json(created, 201);
    });
    renderPage();
    const user = userEvent.setup();
    expect(await screen.findByText(/No models yet/)).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Model file (LightGBM text)'), file('tree\nversion=v4\n'));
    await user.type(uploadForm().getByLabelText('Name'), 'scalp');
    await user.clear(screen.getByLabelText('Symbol'));
    await user.type(screen.getByLabelText('Symbol'), 'LTC/BTC');
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    const result = await screen.findByTestId('upload-result');
    expect(result).toHaveTextContent('Accepted: scalp v1 · LTC/BTC');
    expect(within(result).getByText('seed-v1')).toBeInTheDocument();
    expect(within(result).getByText('57')).toBeInTheDocument();
    expect(within(result).getByText('BINARY')).toBeInTheDocument();
    expect(uploads).toHaveLength(1);
    expect(uploads[0].get('name')).toBe('scalp');
    expect(uploads[0].get('symbol')).toBe('LTC/BTC');
    expect(uploads[0].has('description')).toBe(false);
    expect(uploads[0].get('file')).toMatchObject({ name: 'model.txt', size: 'tree\nversion=v4\n'.length });
    expect(await screen.findByTestId('model-scalp-v1')).toHaveTextContent('seed-v1 (24 features)');
  });

  it('shows a refused file in plain words at the file field, and a bad name at the name field', async () => {
    serve((url, method) => url === '/api/v1/models' && method === 'POST' ? json({
      status: 400, code: 'MODEL_REJECTED', detail: 'file: NOT_A_MODEL: the text does not begin with the line "tree"',
      errors: [{ field: 'file', rejectedValue: 'NOT_A_MODEL', message: 'NOT_A_MODEL: the text does not begin with the line "tree"' }],
    }, 400) : undefined);
    renderPage();
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Model file (LightGBM text)'), file('hello'));
    await user.type(uploadForm().getByLabelText('Name'), 'x');
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const error = await screen.findByText(/This file is not a LightGBM model/);
    expect(error).toHaveAttribute('data-field-error', 'model-file');
    expect(error).toHaveTextContent('the text does not begin with the line "tree"');
    expect(screen.getByLabelText('Model file (LightGBM text)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('upload-result')).toBeNull();

    serve((url, method) => url === '/api/v1/models' && method === 'POST' ? json({
      status: 400, code: 'VALIDATION_ERROR', detail: 'name: must be 1 to 100 letters',
      errors: [{ field: 'name', rejectedValue: 'x/y', message: 'must be 1 to 100 letters, digits, spaces, ".", "_", "-"' }],
    }, 400) : undefined);
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText(/must be 1 to 100 letters/)).toHaveAttribute('data-field-error', 'model-name');
    expect(screen.queryByText(/This file is not a LightGBM model/)).toBeNull();
  });
});

describe('Models page: list and delete', () => {
  it('groups versions by name with the bots using each, and names the bots when a delete is refused', async () => {
    models = [
      model('m3', 'scalp', 2, { usedBy: [{ id: 'b1', name: 'ML one' }, { id: 'b2', name: 'ML two' }] }),
      model('m2', 'scalp', 1),
      model('m1', 'alpha', 1),
    ];
    serve((url, method) => {
      if (method !== 'DELETE') return undefined;
      if (url === '/api/v1/models/m3') return json({ status: 409, code: 'MODEL_IN_USE',
        detail: 'The model is used by \'ML one\' (b1), \'ML two\' (b2); switch those bots to another model or delete them first',
        bots: [{ id: 'b1', name: 'ML one' }, { id: 'b2', name: 'ML two' }] }, 409);
      if (url === '/api/v1/models/m2') { models = models.filter((m) => m.id !== 'm2'); return new Response(null, { status: 204 }); }
      return undefined;
    });
    renderPage();
    const user = userEvent.setup();
    const scalp = await screen.findByRole('region', { name: 'Model scalp' });
    expect(within(scalp).getByText('2 versions')).toBeInTheDocument();
    const rows = within(scalp).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-model-id'))).toEqual(['m3', 'm2']);
    expect(within(rows[0]).getByTestId('model-usage')).toHaveTextContent('Used by ML one, ML two');
    expect(within(rows[0]).getByRole('link', { name: 'ML one' })).toHaveAttribute('href', '/bots/b1');
    expect(within(rows[1]).getByTestId('model-usage')).toHaveTextContent('Not used by any bot');
    expect(screen.getByRole('region', { name: 'Model alpha' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete scalp v2' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    const refusal = await within(screen.getByTestId('model-scalp-v2')).findByRole('alert');
    expect(refusal).toHaveTextContent('Cannot delete: bots use this model');
    expect(refusal).toHaveTextContent('In use by ML one, ML two.');
    expect(within(refusal).getByRole('link', { name: 'ML two' })).toHaveAttribute('href', '/bots/b2');
    expect(screen.getByTestId('model-scalp-v2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete scalp v1' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByTestId('model-scalp-v1')).toBeNull());
    expect(within(screen.getByRole('region', { name: 'Model scalp' })).getByText('1 version')).toBeInTheDocument();
  });
});

describe('Models page: training', () => {
  it('submits the training form, follows the job to DONE and shows the report; the new model is listed', async () => {
    serve((url, method, init) => {
      if (url !== '/api/v1/models/train' || method !== 'POST') return undefined;
      const body = JSON.parse(String(init.body));
      trainings.push(body);
      const job: TrainingJob = { id: 't1', status: 'QUEUED', name: body.name, request: body, modelId: null, report: null, error: null,
        createdAt: '2026-12-03T20:00:00Z', startedAt: null, finishedAt: null };
      jobs = [job];
      script = ['RUNNING', 'RUNNING', 'DONE'];
      return json(job, 202);
    });
    renderPage();
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText('Dataset')).toHaveValue('LTC_BTC-5m'));
    await user.type(within(screen.getByRole('form', { name: 'Train a model' })).getByLabelText('Name'), 'trained');
    await user.selectOptions(screen.getByLabelText('Dataset'), 'BTC_USDT-1h');
    await user.clear(screen.getByLabelText('Take profit (fraction)'));
    await user.type(screen.getByLabelText('Take profit (fraction)'), '0.006');
    await user.clear(screen.getByLabelText('Seed'));
    await user.type(screen.getByLabelText('Seed'), '7');
    await user.click(screen.getByRole('button', { name: 'Train' }));

    await waitFor(() => expect(trainings).toHaveLength(1));
    expect(trainings[0]).toEqual({ name: 'trained', dataset: 'BTC_USDT-1h',
      labels: { takeProfit: 0.006, stopLoss: 0.004, holdingSeconds: 30 }, validationShare: 0.25, seed: 7 });
    const view = await screen.findByTestId('training-job');
    expect(await within(view).findByText(/Training: building features/)).toBeInTheDocument();
    const report = await within(view).findByTestId('training-report', {}, { timeout: 15_000 });
    expect(within(view).getByText(/Done: the model is registered/)).toBeInTheDocument();
    expect(within(report).getByTestId('validation-auc')).toHaveTextContent('0.834');
    const thresholds = within(report).getByRole('table', { name: 'Precision and recall at thresholds' });
    expect(within(thresholds).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'ThresholdEntriesPrecisionRecall', '0.5070075.0 %73.0 %', '0.800—0.0 %']);
    const bars = within(report).getByRole('list', { name: 'Feature importance' });
    expect([...bars.querySelectorAll('[data-share]')].map((b) => b.getAttribute('data-share'))).toEqual(['1.000', '0.250']);
    expect(bars.children[0]).toHaveTextContent('volatility_30');
    expect(await screen.findByTestId('model-trained-v1')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Training jobs' })).getByText('validation AUC 0.834')).toBeInTheDocument();
  });

  it('names the wrong training fields, and a failed job says why', async () => {
    serve((url, method) => url === '/api/v1/models/train' && method === 'POST' ? json({
      status: 400, code: 'VALIDATION_ERROR', detail: 'labels.stopLoss: must be above 0 and below 0.5',
      errors: [{ field: 'labels.stopLoss', rejectedValue: 0.7, message: 'must be above 0 and below 0.5' }],
    }, 400) : undefined);
    jobs = [{ id: 't0', status: 'FAILED', name: 'old', request: { dataset: 'LTC_BTC-5m' }, modelId: null, report: null,
      error: 'too few rows for the split', createdAt: '2026-12-02T20:00:00Z', startedAt: null, finishedAt: null }];
    renderPage();
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText('Dataset')).toHaveValue('LTC_BTC-5m'));
    await user.clear(screen.getByLabelText('Stop loss (fraction)'));
    await user.type(screen.getByLabelText('Stop loss (fraction)'), '0.7');
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(await screen.findByText('must be above 0 and below 0.5')).toHaveAttribute('data-field-error', 'train-sl');

    const past = screen.getByRole('list', { name: 'Training jobs' });
    await user.click(within(past).getByRole('button', { name: /Show training old/ }));
    const view = await screen.findByTestId('training-job');
    expect(within(view).getByRole('alert')).toHaveTextContent('too few rows for the split');
  });
});
