// Where the web app lives, from both src/core (tests) and dist/core (the built server): three levels up is apps/.

import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../../../web/', import.meta.url));
export const webDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
