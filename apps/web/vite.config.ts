// Vite for the web app. `source` resolves workspace packages to their TypeScript, so the web app
// never waits on a package build; the server serves dist/ (production) or this config (--dev).
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { lessonCatalog } from './vite-plugin-catalog.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), lessonCatalog(`${import.meta.dirname}/../../packages/lessons/src/catalog.ts`)],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
});
