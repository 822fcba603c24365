// The model registry and training jobs (docs/api/ml.md "Models"), and an ml-signal bot's confidences and stats.
import { useQuery } from '@tanstack/react-query';
import { API, api, ApiError, getToken } from './client';
import type { Page } from './types';

export interface BotRef { id: string; name: string }

/** A registered model; featureSet, featureCount, objective and trees are what validation found in the file. */
export interface Model {
  id: string;
  name: string;
  version: number;
  symbol: string;
  description: string | null;
  featureSet: string;
  featureCount: number;
  objective: string;
  trees: number;
  fileSize: number;
  sha256: string;
  createdAt: string;
  usedBy: BotRef[];
}

export interface ModelUpload { file: File | null; name: string; symbol: string; description: string }

export type TrainingStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ThresholdMetrics { threshold: number; predictedPositives: number; precision: number | null; recall: number | null }
export interface FeatureImportance { feature: string; gain: number | null; splits: number }

/** docs/ml.md "Training"; an undefined AUC or precision is null. */
export interface TrainingReport {
  featureSet: string;
  parameters: string;
  iterations: number;
  trainRows: number;
  validationRows: number;
  trainPositiveRate: number | null;
  validationPositiveRate: number | null;
  trainAuc: number | null;
  validationAuc: number | null;
  validationThresholds: ThresholdMetrics[];
  featureImportance: FeatureImportance[];
}

export interface TrainingInput {
  name: string;
  symbol?: string;
  dataset: string;
  labels: { takeProfit: number | string; stopLoss: number | string; holdingSeconds: number | string };
  validationShare?: number | string;
  seed?: number | string;
}

export interface TrainingJob {
  id: string;
  status: TrainingStatus;
  name: string;
  request: Partial<TrainingInput> | null;
  modelId: string | null;
  report: TrainingReport | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const finished = (s: TrainingStatus | undefined) => s === 'DONE' || s === 'FAILED';

export const modelKeys = {
  models: ['models'] as const,
  trainings: ['models', 'training'] as const,
  training: (id: string) => ['models', 'training', id] as const,
  confidences: (botId: string) => ['bots', botId, 'confidences'] as const,
  mlStats: (botId: string) => ['bots', botId, 'ml-stats'] as const,
};

export const useModels = () =>
  useQuery({ queryKey: modelKeys.models, queryFn: () => api<Page<Model>>('/models?size=100') });

/** The caller's training jobs, newest first; looked at again while one is unfinished. */
export const useTrainingJobs = () =>
  useQuery({
    queryKey: modelKeys.trainings,
    queryFn: () => api<Page<TrainingJob>>('/models/training?size=20'),
    refetchInterval: (q) => (q.state.data?.items.some((j) => !finished(j.status)) ? 2_000 : false),
  });

/** One job, polled every second until DONE or FAILED. */
export const useTrainingJob = (id: string | null) =>
  useQuery({
    queryKey: modelKeys.training(id ?? ''),
    enabled: id != null,
    queryFn: () => api<TrainingJob>(`/models/training/${encodeURIComponent(id!)}`),
    refetchInterval: (q) => (finished(q.state.data?.status) ? false : 1_000),
  });

export const modelApi = {
  /** Multipart; the browser sets the boundary. 400 VALIDATION_ERROR / MODEL_REJECTED name the field. */
  upload: (u: ModelUpload) => {
    const form = new FormData();
    if (u.file) form.append('file', u.file);
    form.append('name', u.name.trim());
    form.append('symbol', u.symbol.trim());
    if (u.description.trim()) form.append('description', u.description.trim());
    return api<Model>('/models', { method: 'POST', body: form });
  },
  /** 204, or 409 MODEL_IN_USE with `bots`. */
  remove: (id: string) => api<void>(`/models/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  train: (input: TrainingInput) => api<TrainingJob>('/models/train', { method: 'POST', json: input }),
  /** The file needs the bearer token, so a plain link cannot fetch it: fetch, then save the blob. */
  download: async (m: Model) => {
    const response = await fetch(`${API}/models/${encodeURIComponent(m.id)}/file`, {
      headers: { Authorization: `Bearer ${getToken() ?? ''}` },
    });
    if (!response.ok) throw new ApiError(response.status, { title: `Download failed (HTTP ${response.status})` });
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${m.name.replace(/ /g, '_')}-v${m.version}.txt`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

export interface ConfidencePoint { time: string; confidence: number; threshold: number; acted: boolean; clientOrderId: string | null }
export interface Confidences { threshold: number; model: { id: string; name: string; version: number } | null; points: ConfidencePoint[] }
export interface MlDay { day: string; trades: number; wins: number; pnl: string | number | null; averageConfidence: number | null }
export interface MlStats {
  trades: number;
  wins: number;
  winRate: number | string | null;
  pnl: string | number | null;
  averageConfidence: number | null;
  byDay: MlDay[];
}

/** null: the server has no such data (404: not an ml-signal bot yet, or an older server). */
async function orNull<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

export const useBotConfidences = (botId: string, limit = 200) =>
  useQuery({
    queryKey: modelKeys.confidences(botId),
    queryFn: () => orNull<Confidences>(`/bots/${encodeURIComponent(botId)}/confidences?limit=${limit}`),
    refetchInterval: 5_000,
  });

export const useBotMlStats = (botId: string) =>
  useQuery({
    queryKey: modelKeys.mlStats(botId),
    queryFn: () => orNull<MlStats>(`/bots/${encodeURIComponent(botId)}/ml-stats`),
    refetchInterval: 15_000,
  });
