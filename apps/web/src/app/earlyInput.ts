// Input made before the app started. Keys and clicks on buttons: the page's boot script (index.html) keeps
// them, and once the app's own handlers listen they are made again, in order; a learner who types `/` and a
// word while the page's code is still loading gets the search with that word in it, and one who clicks the
// theme button gets the other theme, not nothing. Text typed into a prerendered field: the app takes it as if typed now.

import { flushSync } from 'react-dom';

declare global {
  interface Window {
    loopwireBoot?: { nextEarlyInput(): KeyboardEvent | MouseEvent | undefined };
  }
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(element: Element | null): element is TextField {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(element.type));
}

/**
 * Gives a field `value` as typing would, so React sees the change: the browser's own setter (React keeps its
 * last value in a setter on the element, and reports a change only when the field's value differs from it),
 * then an `input` event.
 */
function typeInto(field: TextField, value: string): void {
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Text typed into the prerendered page's fields before React took them over: React knows only their first value. */
function keepEarlyText(): void {
  for (const field of document.querySelectorAll<TextField>('#root input, #root textarea')) {
    if (!isTextField(field) || field.value === field.defaultValue) continue;
    const typed = field.value;
    field.value = field.defaultValue;
    typeInto(field, typed);
  }
}

/** Clicks the kept click's button again, if the page still has it: a placeholder the app replaced is gone. */
function click(event: MouseEvent): void {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (button?.isConnected) button.click();
}

/** Presses one kept key where it would land now: what the key before it opened (a dialog, its field) is drawn by then. */
function press(event: KeyboardEvent): void {
  const focused = document.activeElement;
  if (isTextField(focused) && (event.key.length === 1 || event.key === 'Backspace')) {
    // The browser's own editing: at the caret, with the input events a keystroke makes.
    document.execCommand(event.key === 'Backspace' ? 'delete' : 'insertText', false, event.key === 'Backspace' ? undefined : event.key);
    return;
  }
  const openDialog = document.querySelector('dialog[open]');
  if (event.key === 'Escape' && openDialog instanceof HTMLDialogElement) {
    openDialog.close();
    return;
  }
  const target = focused && focused !== document.body ? focused : event.target instanceof Node && event.target.isConnected ? event.target : document.body;
  const { key, code, ctrlKey, metaKey, altKey, shiftKey } = event;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code, ctrlKey, metaKey, altKey, shiftKey, bubbles: true, cancelable: true }));
}

/** After React has drawn what the last key did and run its effects (a dialog opened, its field focused). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => (document.hidden ? setTimeout(resolve) : requestAnimationFrame(() => setTimeout(resolve))));
}

/**
 * Takes the text typed into fields, makes the kept keys and clicks again in order, each once the one before
 * has been drawn (input made meanwhile queues behind it), then marks the app ready (`<html data-ready>`):
 * from here on the app handles input itself. Call once the app's key handlers listen.
 */
export async function replayEarlyInput(): Promise<void> {
  keepEarlyText();
  for (;;) {
    await afterNextFrame();
    const event = window.loopwireBoot?.nextEarlyInput();
    if (!event) break;
    flushSync(() => (event instanceof KeyboardEvent ? press(event) : click(event)));
  }
  document.documentElement.dataset.ready = '';
}
