import { describe, expect, it } from 'vitest';
import { errorInWords } from './WidgetError.tsx';

describe('errorInWords', () => {
  it("says in words that the server is unreachable instead of each browser's fetch failure", () => {
    for (const raw of ['Failed to fetch', 'TypeError: Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed']) {
      expect(errorInWords(raw)).toMatch(/^The server is unreachable/);
    }
  });

  it("keeps the server's own messages as they are", () => {
    expect(errorInWords('429: Too many blocking jobs; try again in 3 s.')).toBe('429: Too many blocking jobs; try again in 3 s.');
  });
});
