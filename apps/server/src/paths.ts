// Where the web app lives, from both src/ (tests) and dist/ (the built server): one level down from the package.

import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
export const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
