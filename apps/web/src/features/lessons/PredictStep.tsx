// The predict → observe → explain step of a lesson, run by predictMachine, saved in the learner's progress.

import { useCallback, useRef, useState } from 'react';
import { useMachine } from '@xstate/react';
import type { Prediction } from '@loopwire/lessons';
import { predictMachine } from './predict.machine.ts';
import { progressStore } from '../progress/index.ts';
import { Markdown, Widget } from './Markdown.tsx';
import { ChoiceList } from './ChoiceList.tsx';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import { ObservedContext, type Observation } from '../../lib/observed.ts';

const stages = [
  { id: 'predict', label: 'Predict', states: ['reading', 'predicting'] },
  { id: 'observe', label: 'Observe', states: ['observing'] },
  { id: 'explain', label: 'Explain', states: ['explaining'] },
  { id: 'done', label: 'Done', states: ['done'] },
] as const;

function restoredFromProgress(lessonId: string) {
  const lesson = progressStore.get().lessons[lessonId];
  if (!lesson?.prediction) return null;
  return { choice: lesson.prediction.choice, done: Boolean(lesson.completed.predict) };
}

function Stepper({ state }: { state: string }) {
  const current = stages.findIndex((stage) => (stage.states as readonly string[]).includes(state));
  return (
    <ol className="stepper" aria-label="Steps">
      {stages.map((stage, index) => (
        <li
          key={stage.id}
          className={index < current ? 'is-past' : index === current ? 'is-current' : undefined}
          aria-current={index === current ? 'step' : undefined}
        >
          {stage.label}
        </li>
      ))}
    </ol>
  );
}

export function PredictStep(props: {
  lessonId: string;
  prediction: Prediction;
  /** Glossary terms to link in the instructions and the explanation (see LessonPage). */
  terms?: { instructions: ReadonlySet<string>; explain: ReadonlySet<string> };
}) {
  const { lessonId, prediction, terms } = props;
  const [snapshot, send] = useMachine(
    predictMachine.provide({
      actions: {
        recordPrediction: (_, params) =>
          progressStore.recordPrediction(lessonId, { ...params, at: new Date().toISOString() }),
        recordDone: () => progressStore.completeStep(lessonId, 'predict'),
        forgetProgress: () => progressStore.forgetPrediction(lessonId),
      },
    }),
    { input: { answer: prediction.answer, restored: restoredFromProgress(lessonId) } },
  );
  const [observation, setObservation] = useState<Observation | null>(null);
  const reportObserved = useCallback(
    (seen: Observation) => {
      setObservation(seen);
      send({ type: 'OBSERVED' });
    },
    [send],
  );
  const state = String(snapshot.value);
  const { choice } = snapshot.context;
  const committed = !snapshot.matches('reading') && !snapshot.matches('predicting');
  // The commit button goes away once pressed: focus moves to the line that replaces it, not to <body>.
  const focusAfterCommit = useRef(false);
  const focusCommitted = (element: HTMLParagraphElement | null) => {
    if (!element || !focusAfterCommit.current) return;
    focusAfterCommit.current = false;
    element.focus();
  };
  // Judged against what this run showed when the widget can tell, else against the lesson's answer.
  const observedOutcome = observation?.outcome ?? prediction.answer;
  const right = choice === observedOutcome;
  const unusualRun = observation?.outcome !== undefined && observation.outcome !== prediction.answer;
  const chosenLabel = prediction.choices.find((option) => option.id === choice)?.label;
  const revealed = snapshot.matches('explaining') || snapshot.matches('done');

  return (
    <section className="predict" aria-labelledby="predict" data-step={state}>
      <div className="predict__head">
        <h2 id="predict">Predict, then observe</h2>
        <Stepper state={state} />
      </div>
      <p className="predict__prompt">
        <InlineMarkdown>{prediction.prompt}</InlineMarkdown>
      </p>
      <ChoiceList
        name="prediction"
        label={prediction.prompt}
        choices={prediction.choices}
        value={choice}
        disabled={committed}
        onChange={(id) => send({ type: 'CHOOSE', choice: id })}
      />
      {!committed ? (
        <button type="button" className="button button--primary" disabled={!choice} onClick={() => {
            focusAfterCommit.current = true;
            send({ type: 'COMMIT' });
          }}
        >
          Commit my prediction
        </button>
      ) : (
        <>
          <p className="predict__committed" tabIndex={-1} ref={focusCommitted}>
            You predicted: <strong>{chosenLabel}</strong>. Now see what really happens.
          </p>
          <Markdown terms={terms?.instructions}>{prediction.observe.instructions}</Markdown>
          <ObservedContext value={reportObserved}>
            <Widget id={prediction.observe.widget} />
          </ObservedContext>
          {snapshot.matches('observing') ? (
            <div className="predict__explain-gate">
              <button
                type="button"
                className="button button--primary"
                disabled={!snapshot.context.observed}
                aria-describedby={snapshot.context.observed ? undefined : `${lessonId}-explain-locked`}
                onClick={() => send({ type: 'EXPLAIN' })}
              >
                Explain what I saw
              </button>
              {snapshot.context.observed ? null : (
                <p className="hint" id={`${lessonId}-explain-locked`}>
                  Run the widget above first: the explanation is about what you observed.
                </p>
              )}
            </div>
          ) : null}
          {revealed ? (
            <div className={`callout ${right ? 'callout--right' : 'callout--wrong'}`} role="status">
              <p>
                <strong>{right ? 'Your prediction matches what you saw.' : 'Not what you predicted.'}</strong>
              </p>
              {observation?.summary ? <p data-testid="observed-summary">What this run showed: {observation.summary}</p> : null}
              {unusualRun ? (
                <p>
                  This run did not show what usually happens; the explanation below describes the usual case. Run it
                  again to see it.
                </p>
              ) : null}
              <Markdown terms={terms?.explain}>{prediction.explain}</Markdown>
              <div className="callout__actions">
                {snapshot.matches('explaining') ? (
                  <button type="button" className="button button--primary" onClick={() => send({ type: 'FINISH' })}>
                    Got it
                  </button>
                ) : (
                  <p className="predict__done">✓ Step complete, saved in your progress.</p>
                )}
                <button type="button" className="button" onClick={() => send({ type: 'RETRY' })}>
                  Predict again
                </button>
              </div>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
