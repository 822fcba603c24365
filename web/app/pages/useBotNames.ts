import { useMemo } from 'react';
import { useBots } from '../api/hooks';

/** id -> name of the user's bots, for filters and for labelling rows that carry only a botId. */
export function useBotNames() {
  const bots = useBots();
  const items = bots.data?.items;
  return useMemo(() => ({
    list: items ?? [],
    names: new Map((items ?? []).map((b) => [String(b.id), b.name])),
  }), [items]);
}
