// Registers the service worker that caches the app shell, the WASM module,
// the ICU data and the bundled packs, so the portal opens with no network.
// A new version installs in the background and takes over on the next visit.
import { registerSW } from 'virtual:pwa-register';

export function registerOfflineApp(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registerSW({ immediate: true });
}
