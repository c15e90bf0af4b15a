// The predict → observe → explain step of a lesson.

import { useId } from 'react';
import { useMachine } from '@xstate/react';
import type { Prediction } from '@loopwire/lessons';
import { predictMachine } from '../machines/predict.machine.ts';
import { Markdown, Widget } from './Markdown.tsx';
import { ChoiceList } from './ChoiceList.tsx';

export function PredictStep({ prediction }: { prediction: Prediction }) {
  const [snapshot, send] = useMachine(predictMachine);
  const headingId = useId();
  const { choice } = snapshot.context;
  const predicting = snapshot.matches('predicting');
  const right = choice === prediction.answer;
  const chosenLabel = prediction.choices.find((option) => option.id === choice)?.label;

  return (
    <section className="predict" aria-labelledby={headingId} data-step={String(snapshot.value)}>
      <h2 id={headingId}>Predict, then observe</h2>
      <p className="predict__prompt">{prediction.prompt}</p>
      <ChoiceList
        name="prediction"
        choices={prediction.choices}
        value={choice}
        disabled={!predicting}
        onChange={(id) => send({ type: 'CHOOSE', choice: id })}
      />
      {predicting ? (
        <button type="button" className="button button--primary" disabled={!choice} onClick={() => send({ type: 'COMMIT' })}>
          Commit my prediction
        </button>
      ) : (
        <>
          <p className="predict__committed">
            You predicted: <strong>{chosenLabel}</strong>. Now see what really happens.
          </p>
          <Markdown>{prediction.observe.instructions}</Markdown>
          <Widget id={prediction.observe.widget} />
          {snapshot.matches('observing') ? (
            <button type="button" className="button" onClick={() => send({ type: 'EXPLAIN' })}>
              Explain what I saw
            </button>
          ) : (
            <div className={`callout ${right ? 'callout--right' : 'callout--wrong'}`} role="status">
              <p>
                <strong>{right ? 'Your prediction was right.' : 'Not what you predicted.'}</strong>
              </p>
              <Markdown>{prediction.explain}</Markdown>
              <button type="button" className="button" onClick={() => send({ type: 'RETRY' })}>
                Predict again
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
