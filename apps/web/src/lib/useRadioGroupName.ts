// A radio group's `name`, unique per mounted group. React finds a group's other inputs with
// querySelectorAll('input[name="…"]'), so the name must be a valid selector value: useId's own
// characters are spelled in base-36 digits, and nothing from data (bytes, user text) goes in it.

import { useId } from 'react';

export function useRadioGroupName(prefix: string): string {
  const id = [...useId()].map((char) => char.codePointAt(0)!.toString(36)).join('');
  return `${prefix}-${id}`;
}
