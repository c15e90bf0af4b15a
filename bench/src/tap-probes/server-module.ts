// The tap floor's probes run inside a TAP=on server (node --import, before its entry point), where they
// replace one method of the tap with less. They import the server's own modules by the URL the server
// imports them by, so the module they change is the one the server uses.

import { paths } from '../paths.js';
import { pathToFileURL } from 'node:url';

/** A module of the built server, e.g. `tap/frame-stream.js`, typed as the probe needs it. */
export async function serverModule<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(`${paths.repoRoot}apps/server/dist/${path}`).href)) as T;
}
