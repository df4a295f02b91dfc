/**
 * Registers the offline cache (src/service-worker.ts) once the engine has loaded: its
 * install then copies what the browser already fetched (the engine, the data, the page)
 * without downloading anything. Browsers without service workers, and pages not served
 * from a secure context (https or localhost), simply have no offline copy.
 */
let asked = false;

/** Called on every navigation (the root layout's load); asks once, after `ready()` says yes. */
export function registerOfflineCache(ready: () => Promise<boolean>, workerUrl: () => URL): void {
  if (asked || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  asked = true;
  void ready()
    .then((ok) => (ok ? navigator.serviceWorker.register(workerUrl()) : undefined))
    .catch(() => {
      // No offline copy: the dashboard works as before.
    });
}
