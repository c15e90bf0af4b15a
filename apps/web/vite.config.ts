// Vite for the web app. `source` resolves workspace packages to their TypeScript, so the web app
// never waits on a package build; the server serves dist/ (production, precompressed) or this config (--dev).
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { lessonCatalog } from './vite-plugin-catalog.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    lessonCatalog(`${import.meta.dirname}/../../packages/lessons/src/catalog.ts`),
    // .br and .gz beside every built file over 1 KiB (source maps left alone): the server sends them as they are.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/], threshold: 1024 }),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // The prerender bundle (src/app/prerender.tsx) compiles the workspace packages too: lessons import Markdown as ?raw.
  ssr: { noExternal: [/^@loopwire\//], resolve: { conditions: ['source', ...defaultServerConditions] } },
  // The manifest tells the prerender which stylesheets and chunks each page's code needs (scripts/prerender.mjs).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0, manifest: true },
});
