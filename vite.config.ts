import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { TITLE_WORDS } from './src/content/title.js';

/**
 * `vite` (development) answers /sw.js with a worker that removes itself and reloads its pages. A
 * build served on the same address before (`npm start` and `npm run dev` share port 5173) leaves
 * its service worker behind, which would otherwise keep serving that build instead of the code.
 */
const removeBuildWorkerInDev: Plugin = {
  name: 'remove-build-worker-in-dev',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use('/sw.js', (_req, res) => {
      res.setHeader('Content-Type', 'text/javascript');
      res.setHeader('Cache-Control', 'no-store');
      res.end(
        [
          "self.addEventListener('install', () => self.skipWaiting());",
          "self.addEventListener('activate', (e) => e.waitUntil(self.registration.unregister()",
          "  .then(() => self.clients.matchAll({ type: 'window' })).then((pages) => pages.forEach((p) => p.navigate(p.url)))));",
        ].join('\n'),
      );
    });
  },
};

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      // The game, and the trainer's page (which never loads Phaser or the sim).
      input: { game: 'index.html', trainer: 'trainer.html' },
      output: {
        // Phaser in its own chunk, so the game's code stays small and cacheable.
        manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  // npm run dev: the session service runs beside it (npm run serve, PORT=8787) and /api goes there.
  server: { host: '127.0.0.1', proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } } },
  plugins: [
    removeBuildWorkerInDev,
    // Installable, and offline after one visit: a web app manifest, and a service worker (Workbox)
    // that precaches the built game. The page registers it itself, in production builds only
    // (src/main.ts); `vite` in development has none. Nothing under /api/ (the session service) is
    // ever cached or answered from the cache: only the built files are precached, and a page
    // opened under /api/ goes to the network.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: TITLE_WORDS.heading,
        short_name: TITLE_WORDS.heading,
        description: TITLE_WORDS.tagline,
        lang: 'en-GB',
        start_url: './',
        scope: './',
        display: 'standalone',
        // The game's teal, on its paper-coloured page.
        theme_color: '#1f6f80',
        background_color: '#f6f2ea',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell, every chunk and worker, the fonts browsers load (woff2) and the icons.
        globPatterns: ['**/*.{html,js,css,woff2,svg,png,webmanifest}'],
        // Phaser's chunk is 1.4 MB.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
