// The rules strategy's entry / exit rule: a visual builder, with the JSON as an "advanced" view. Both edit the same
// form value (the JSON text), so an edit in one is what the other shows; JSON that does not parse stays in the text
// (the form refuses to send it) while the builder keeps showing the last rule that parsed.
import { useId, useMemo, useState } from 'react';
import { parseRule, placeErrors, ruleText, newCondition, type Json } from '../lib/rules';
import { RuleNode, type RuleCtx } from './RuleNodes';
import { inputClass } from './ui';

interface Props {
  /** The parameter: "entry" or "exit". */
  param: string;
  /** Shown and used in every accessible name: "Entry". */
  title: string;
  description?: string | null;
  required?: boolean;
  /** The parameter has a default on the server: an empty rule means that one. */
  hasDefault?: boolean;
  /** The form value: the rule as JSON text ('' = none). */
  text: string;
  onChange: (text: string) => void;
  /** Errors keyed by field path without the config. prefix: "entry" itself and "entry.all[0].left.period" style. */
  errors: Record<string, string>;
}

type View = 'builder' | 'json';

export function RuleEditor({ param, title, description, required, hasDefault, text, onChange, errors }: Props) {
  const parsed = useMemo(() => parseRule(text), [text]);
  const [kept, setKept] = useState<{ text: string; value: Json | undefined }>(
    () => ({ text, value: parsed.ok ? parsed.value : undefined }));
  // the last rule that parsed (not an emptied text box: clearing it to paste another rule keeps the builder's)
  if (parsed.ok && parsed.value !== undefined && kept.text !== text) setKept({ text, value: parsed.value });
  const tree = parsed.ok ? parsed.value : kept.value;
  const [view, setView] = useState<View>(parsed.ok ? 'builder' : 'json');
  const id = useId();
  const lower = title.toLowerCase();
  const placed = useMemo(() => placeErrors(param, tree, errors), [param, tree, errors]);
  const parseErrorId = `${id}-parse`;
  const edit = (next: Json | undefined) => onChange(ruleText(next));

  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-rule-editor={param}>
      <legend className="px-1 text-sm font-medium">{title}{required ? ' *' : ''}</legend>
      {description && <p className="text-xs text-slate-500">{description}</p>}
      <div className="flex gap-1" role="group" aria-label={`${title} rule view`}>
        <ViewButton pressed={view === 'builder'} label={`Edit ${lower} rule with the builder`} onClick={() => setView('builder')}>
          Builder
        </ViewButton>
        <ViewButton pressed={view === 'json'} label={`Edit ${lower} rule as JSON`} onClick={() => setView('json')}>
          JSON (advanced)
        </ViewButton>
      </div>

      {!parsed.ok && (
        <div id={parseErrorId} role="alert"
          className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <span className="min-w-0 flex-1 break-words">
            Invalid JSON: {parsed.error}. {view === 'builder' ? 'The builder shows the last valid rule; fix the JSON or discard it.'
              : 'The builder keeps the last valid rule.'}
          </span>
          <button type="button" onClick={() => onChange(ruleText(kept.value))}
            className="rounded border border-red-300 px-2 py-1 text-xs font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900">
            Discard invalid {lower} JSON
          </button>
        </div>
      )}

      {view === 'json' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-json`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
            <span className="sr-only">{title} rule </span>JSON
          </label>
          <textarea id={`${id}-json`} rows={Math.min(16, Math.max(4, text.split('\n').length))} spellCheck={false}
            className={`${inputClass} font-mono text-xs`} value={text} aria-invalid={!parsed.ok || !!errors[param]}
            aria-describedby={!parsed.ok ? parseErrorId : Object.keys(errors).length > 0 ? `${id}-errors` : undefined}
            onChange={(e) => onChange(e.target.value)} />
          {Object.keys(errors).length > 0 && (
            <ul id={`${id}-errors`} className="text-xs text-red-600 dark:text-red-400">
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>{field === param ? message : `${field}: ${message}`}</li>
              ))}
            </ul>
          )}
        </div>
      ) : tree === undefined ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">{parsed.ok ? `No ${lower} rule${hasDefault ? ': the strategy\'s default applies' : ''}.` : `No valid ${lower} rule yet.`}</span>
          {placed[param] && <span className="text-xs text-red-600 dark:text-red-400">{placed[param].join('; ')}</span>}
          <button type="button" disabled={!parsed.ok} onClick={() => edit(newCondition())}
            className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800">
            Add {lower} rule
          </button>
        </div>
      ) : (
        <div className="flex min-w-0 flex-col gap-2">
          <RuleNode ctx={{ param, title, root: tree, placed, disabled: !parsed.ok, edit } satisfies RuleCtx} path={[]} />
          {!required && (
            <button type="button" disabled={!parsed.ok} onClick={() => edit(undefined)}
              className="self-start rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-40 dark:text-red-300 dark:hover:bg-red-950">
              Remove {lower} rule
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

function ViewButton({ pressed, label, onClick, children }:
  { pressed: boolean; label: string; onClick: () => void; children: string }) {
  return (
    <button type="button" aria-pressed={pressed} aria-label={label} onClick={onClick}
      className={`rounded-md px-3 py-1.5 text-xs font-medium ${pressed
        ? 'bg-indigo-600 text-white' : 'border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'}`}>
      {children}
    </button>
  );
}
