// A labelled radio group: keyboard-navigable by the browser, one choice at a time.

import type { Choice } from '@loopwire/lessons';
import { useId } from 'react';

export function ChoiceList(props: {
  name: string;
  /** The question the choices answer, for assistive technology. */
  label?: string;
  choices: Choice[];
  value: string | null;
  disabled?: boolean;
  onChange: (id: string) => void;
}) {
  // useId may contain characters that are not valid in a CSS selector, and React looks radio groups up
  // by name with querySelectorAll: spell the id in base-36 digits instead.
  const groupId = [...useId()].map((char) => char.codePointAt(0)!.toString(36)).join('');
  return (
    <div className="choices" role="radiogroup" aria-label={props.label}>
      {props.choices.map((choice) => (
        <label key={choice.id} className={`choice${props.value === choice.id ? ' is-chosen' : ''}`}>
          <input
            type="radio"
            name={`${props.name}-${groupId}`}
            value={choice.id}
            checked={props.value === choice.id}
            disabled={props.disabled}
            onChange={() => props.onChange(choice.id)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
