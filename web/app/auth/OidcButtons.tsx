import { oidcStartUrl, useOidcProviders } from './oidc';

/** One "Sign in with <provider>" link per configured provider; nothing at all when none is configured. */
export function OidcButtons() {
  const providers = useOidcProviders();
  if (!providers.data?.length) return null;
  return (
    <div className="mt-4 flex flex-col gap-2" data-testid="oidc-providers">
      <div className="flex items-center gap-2 text-xs text-slate-500">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />or<span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      {providers.data.map((p) => (
        <a key={p.id} href={oidcStartUrl(p.id)}
          className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium
            hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700">
          Sign in with {p.displayName}
        </a>
      ))}
    </div>
  );
}
