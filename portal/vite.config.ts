// The portal's build. @powerdesk/core is the WASM package built by CMake
// (build/wasm-release/wasm/dist, or $POWERDESK_WASM_DIST); its .wasm and ICU
// data become fingerprinted assets that the service worker precaches.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));
const coreDist = resolve(here, process.env.POWERDESK_WASM_DIST ?? '../build/wasm-release/wasm/dist');
const server = process.env.POWERDESK_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    vue(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'PowerDesk 电力自助服务',
        short_name: 'PowerDesk',
        description: '电费试算、在线报装、账单解读、星级客户 — 离线可用',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f8fa',
        theme_color: '#0b5394',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The first install controls the open page at once, so it works offline without a reload;
        // later versions wait until every tab is closed (no switch under a form being filled in).
        clientsClaim: true,
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,wasm,dat,webmanifest}'],
        // The core module is about 3.3 MB: above Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/readyz/, /^\/metrics/],
      },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@powerdesk\/core$/, replacement: resolve(coreDist, 'powerdesk.mjs') },
      { find: /^@powerdesk\/core\//, replacement: coreDist + '/' },
      { find: /^@\//, replacement: resolve(here, 'src') + '/' },
    ],
  },
  // Pre-bundling would move the core's entry away from its .wasm.
  optimizeDeps: { exclude: ['@powerdesk/core'] },
  worker: { format: 'es' },
  server: {
    fs: { allow: [here, coreDist] },
    proxy: { '/api': server },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
