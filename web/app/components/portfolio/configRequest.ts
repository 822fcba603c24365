// A config screen's request (config + strategy + its parameters) built from useConfigForm's state, or the local
// errors by config path, as the server would name them.
import { formToConfig, localErrors, type PortfolioErrors } from '../../lib/ftconfig';
import { toConfig } from '../../lib/params';
import type { useConfigForm } from './useConfigForm';

export type ConfigForm = ReturnType<typeof useConfigForm>;

/** What a config screen sends: the config object, the strategy and its parameters (which override the config's). */
export interface ConfigRequest {
  config: Record<string, unknown>;
  strategy: string;
  params: Record<string, unknown>;
}

export function buildConfigRequest(cfg: ConfigForm): { request: ConfigRequest } | { errors: PortfolioErrors } {
  const built = formToConfig(cfg.form);
  const checked = toConfig(cfg.params, cfg.values);
  if (Object.keys(built.errors).length || Object.keys(checked.errors).length) {
    return { errors: { ...localErrors(built.errors), params: checked.errors } };
  }
  return { request: { config: built.config, strategy: cfg.strategy, params: checked.config } };
}
