// The build-time lesson catalog (vite-plugin-catalog.ts): the shell's light view of the curriculum.
declare module 'virtual:lesson-catalog' {
  import type { CatalogEntry } from '@loopwire/lessons';
  export const catalog: readonly CatalogEntry[];
}
