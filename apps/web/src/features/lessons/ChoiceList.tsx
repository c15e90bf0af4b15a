// A labelled radio group: keyboard-navigable by the browser, one choice at a time.

import type { Choice } from '@loopwire/lessons';
import { useRadioGroupName } from '../../lib/useRadioGroupName.ts';
import { InlineMarkdown } from './InlineMarkdown.tsx';

export function ChoiceList(props: {
  name: string;
  /** The question the choices answer, for assistive technology. */
  label?: string;
  choices: Choice[];
  value: string | null;
  disabled?: boolean;
  onChange: (id: string) => void;
}) {
  const groupName = useRadioGroupName(props.name);
  return (
    <div className="choices" role="radiogroup" aria-label={props.label}>
      {props.choices.map((choice) => (
        <label key={choice.id} className={`choice${props.value === choice.id ? ' is-chosen' : ''}`}>
          <input
            type="radio"
            name={groupName}
            value={choice.id}
            checked={props.value === choice.id}
            disabled={props.disabled}
            onChange={() => props.onChange(choice.id)}
          />
          <span>
            <InlineMarkdown>{choice.label}</InlineMarkdown>
          </span>
        </label>
      ))}
    </div>
  );
}
