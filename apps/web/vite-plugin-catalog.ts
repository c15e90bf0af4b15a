// `virtual:lesson-catalog`: the curriculum map's data (titles, status, progress steps), derived at
// build time from packages/lessons, so the app shell never bundles the lessons' text.

import { runnerImport, type Plugin } from 'vite';
import type { CatalogEntry } from '@loopwire/lessons';

const publicId = 'virtual:lesson-catalog';
const resolvedId = `\0${publicId}`;

/** `catalogModule`: absolute path of packages/lessons/src/catalog.ts. */
export function lessonCatalog(catalogModule: string): Plugin {
  return {
    name: 'loopwire:lesson-catalog',
    resolveId: (source) => (source === publicId ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      // Vite's module runner understands the lessons' `?raw` Markdown imports, as the app build does.
      const { module, dependencies } = await runnerImport<{ catalog: CatalogEntry[] }>(catalogModule, {
        configFile: false,
        logLevel: 'error',
      });
      for (const dependency of dependencies) this.addWatchFile(dependency);
      return `export const catalog = ${JSON.stringify(module.catalog)};\n`;
    },
  };
}
