import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dismissToasts, shot, signedIn } from './support';

// The Models page against the real server: train a model on a shipped dataset, download its file and upload it again
// as the next version, have a file that is not a model refused at the field, delete a version.
test('train a model from the dashboard, upload its file as a new version, refuse a bad file, delete a version', async ({ page, request }) => {
  await signedIn(page, request, 'models');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { name: 'Models', exact: true })).toBeVisible();
  await expect(page.getByText('No models yet: upload one or train one below.')).toBeVisible();

  // training: a shipped dataset, the labels docs/ml.md uses, the default seed
  const train = page.getByRole('form', { name: 'Train a model' });
  await train.getByLabel('Name').fill('e2e-ltc');
  await train.getByLabel('Dataset').selectOption('LTC_BTC-5m');
  await train.getByLabel('Take profit (fraction)').fill('0.004');
  await train.getByLabel('Stop loss (fraction)').fill('0.004');
  await train.getByLabel('Holding time (seconds)').fill('30');
  await train.getByRole('button', { name: 'Train' }).click();

  const job = page.getByTestId('training-job');
  await expect(job.locator('[data-training-status]')).toHaveAttribute('data-training-status', 'DONE', { timeout: 120_000 });
  await expect(job.getByText('Done: the model is registered.')).toBeVisible();
  const report = job.getByTestId('training-report');
  const auc = Number(await report.getByTestId('validation-auc').textContent());
  expect(auc).toBeGreaterThan(0.5); // docs/ml.md: about 0.83 on this dataset with these labels
  expect(auc).toBeLessThanOrEqual(1);
  await expect(report.getByRole('table', { name: 'Precision and recall at thresholds' }).getByRole('row')).toHaveCount(7); // 0.3 … 0.8
  await expect(report.getByRole('list', { name: 'Feature importance' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Training jobs' }).getByText(/validation AUC 0\.\d{3}/)).toBeVisible();

  // the trained model is registered as version 1 of its name
  const v1 = page.getByTestId('model-e2e-ltc-v1');
  await expect(v1).toContainText('LTC/BTC');
  await expect(v1).toContainText('seed-v1');
  await expect(v1.getByTestId('model-usage')).toHaveText('Not used by any bot');
  await dismissToasts(page);
  await shot(page, '27-training-report');

  // its file, downloaded through the dashboard, uploads again as version 2
  const [download] = await Promise.all([page.waitForEvent('download'), v1.getByRole('button', { name: 'Download e2e-ltc v1' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-ltc-v1.txt');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('tree')).toBe(true);

  const upload = page.getByRole('form', { name: 'Upload a model' });
  await upload.getByLabel('Model file (LightGBM text)').setInputFiles({ name: 'e2e-ltc.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await upload.getByLabel('Name').fill('e2e-ltc');
  await upload.getByLabel('Symbol').fill('LTC/BTC');
  await upload.getByLabel('Description (optional)').fill('uploaded by the browser test');
  await upload.getByRole('button', { name: 'Upload' }).click();
  const result = page.getByTestId('upload-result');
  await expect(result).toContainText('Accepted: e2e-ltc v2 · LTC/BTC');
  await expect(result).toContainText('seed-v1');
  await expect(result).toContainText('BINARY');
  const group = page.getByRole('region', { name: 'Model e2e-ltc' });
  await expect(group.getByText('2 versions')).toBeVisible();
  await expect(page.getByTestId('model-e2e-ltc-v2')).toContainText('uploaded by the browser test');

  // a file that is not a model is refused at the file field, in plain words
  await upload.getByLabel('Model file (LightGBM text)').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('these are my notes, not a model\n') });
  await upload.getByLabel('Name').fill('e2e-bad');
  await upload.getByRole('button', { name: 'Upload' }).click();
  const refusal = upload.locator('[data-field-error="model-file"]');
  await expect(refusal).toContainText('This file is not a LightGBM model');
  await expect(upload.getByLabel('Model file (LightGBM text)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('region', { name: 'Model e2e-bad' })).toHaveCount(0);
  await dismissToasts(page);
  await shot(page, '26-models');

  // delete version 2: version 1 stays
  await page.getByRole('button', { name: 'Delete e2e-ltc v2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('model-e2e-ltc-v2')).toHaveCount(0);
  await expect(group.getByText('1 version', { exact: true })).toBeVisible();
  await expect(page.getByTestId('model-e2e-ltc-v1')).toBeVisible();
});

test('an ml-signal bot picks a model from the form; the model cannot be deleted while the bot uses it', async ({ page, request }) => {
  const token = await signedIn(page, request, 'models-used');
  const auth = { Authorization: `Bearer ${token}` };

  const submitted = await request.post('/api/v1/models/train', { headers: auth, data: {
    name: 'e2e-used', dataset: 'LTC_BTC-5m', labels: { takeProfit: 0.004, stopLoss: 0.004, holdingSeconds: 30 } } });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const jobId = (await submitted.json()).id as string;
  await expect.poll(async () => (await (await request.get(`/api/v1/models/training/${jobId}`, { headers: auth })).json()).status,
    { timeout: 120_000 }).toBe('DONE');

  await page.goto('/bots/new');
  await page.locator('#strategy').selectOption('ml-signal');
  await page.locator('#name').fill('e2e ml bot');
  const model = page.getByRole('combobox', { name: /^Model/ });
  await model.selectOption({ label: 'e2e-used v1 · LTC/BTC' });
  await page.getByRole('slider', { name: 'Confidence threshold slider' }).fill('0.7');
  await expect(page.locator('#param-confidence_threshold')).toHaveValue('0.7');
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page).toHaveURL(/\/bots\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('ml-signal-section')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
  const row = page.getByTestId('model-e2e-used-v1');
  await expect(row.getByTestId('model-usage')).toHaveText('Used by e2e ml bot');
  await row.getByRole('button', { name: 'Delete e2e-used v1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  const refusal = row.getByRole('alert');
  await expect(refusal).toContainText('Cannot delete: bots use this model');
  await expect(refusal.getByRole('link', { name: 'e2e ml bot' })).toBeVisible();
  await expect(row).toBeVisible();
});
