// Predict the order: pick an experiment, arrange its callbacks (drag, or the arrow buttons, or
// Alt+↑/↓ on a focused item), then the live server runs it and each difference is explained.

import { useEffect, useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { findOrderExperiment, orderExperiments } from '@loopwire/contract';
import { orderPredictMachine } from './orderPredict.machine.ts';
import { fetchExperimentSources, runOrderExperiment } from './api.ts';
import { comparePrediction, kindRules, phaseNames } from './order-explain.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useReportObservedWhen } from '../../lib/observed.ts';
import './loop-lab.css';

const liveOrderPredictMachine = orderPredictMachine.provide({
  actors: {
    runExperiment: fromPromise(async ({ input }: { input: { experimentId: string } }) => (await runOrderExperiment(input.experimentId)).observed),
  },
});

/** The code of each experiment, fetched once: the server serves the source of the functions it runs. */
function useExperimentSources(): { code: Map<string, string> | null; error: string | null } {
  const [state, setState] = useState<{ code: Map<string, string> | null; error: string | null }>({ code: null, error: null });
  useEffect(() => {
    let current = true;
    fetchExperimentSources()
      .then(({ experiments }) => current && setState({ code: new Map(experiments.map((experiment) => [experiment.id, experiment.code])), error: null }))
      .catch((error: unknown) => current && setState({ code: null, error: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, []);
  return state;
}

export default function OrderPredictor() {
  const id = useId();
  const sources = useExperimentSources();
  const [snapshot, send] = useMachine(liveOrderPredictMachine);
  const [dragging, setDragging] = useState<number | null>(null);
  const { experimentId, prediction, observed, error } = snapshot.context;
  const experiment = findOrderExperiment(experimentId)!;
  const kindOf = (label: string) => experiment.callbacks.find((callback) => callback.label === label)?.kind ?? 'sync';
  const placements = observed ? comparePrediction(prediction, observed, experiment.deterministic) : null;
  const allRight = placements?.every((placement) => placement.right) ?? false;
  useReportObservedWhen(observed ? { summary: `the server ran ${observed.map((callback) => callback.label).join(', ')}.` } : null);
  const ordering = snapshot.matches('ordering');

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!ordering || !event.altKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      send({ type: 'MOVE', from: index, to });
      requestAnimationFrame(() => document.getElementById(`${id}-item-${to}`)?.focus());
    }
  };
  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    if (dragging !== null) send({ type: 'MOVE', from: dragging, to });
    setDragging(null);
  };

  return (
    <figure className="widget order" aria-label="Predict the order">
      <div className="widget__bar">
        <strong className="widget__title">Predict the order, then let the server run it</strong>
      </div>
      <div className="order__pick" role="group" aria-label="Experiment">
        {orderExperiments.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            className={`button${candidate.id === experimentId ? ' button--primary' : ''}`}
            aria-pressed={candidate.id === experimentId}
            onClick={() => send({ type: 'CHOOSE_EXPERIMENT', experimentId: candidate.id })}
          >
            {candidate.title}
          </button>
        ))}
      </div>
      <p className="widget__caption">Runs {experiment.context}:</p>
      <pre className="order__code">
        <code>{sources.code?.get(experiment.id) ?? (sources.error ? `The live server did not send the code: ${sources.error}` : 'Loading the code the server runs…')}</code>
      </pre>
      <div className="order__columns">
        <section aria-labelledby={`${id}-prediction`}>
          <h3 id={`${id}-prediction`}>Your prediction (first at the top)</h3>
          <p className="widget__caption" id={`${id}-help`}>
            Drag an item, or focus it and press Alt+↑ / Alt+↓.
          </p>
          <ol className="order__list" data-testid="order-prediction" aria-describedby={`${id}-help`}>
            {prediction.map((label, index) => {
              const placement = placements?.find((candidate) => candidate.label === label);
              return (
                <li
                  key={label}
                  id={`${id}-item-${index}`}
                  tabIndex={ordering ? 0 : -1}
                  draggable={ordering}
                  className={`order__item${dragging === index ? ' is-dragging' : ''}${placement ? (placement.right ? ' is-right' : ' is-wrong') : ''}`}
                  onKeyDown={(event) => onKeyDown(event, index)}
                  onDragStart={() => setDragging(index)}
                  onDragEnd={() => setDragging(null)}
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={(event) => onDrop(event, index)}
                  aria-label={`${index + 1}: ${label}`}
                >
                  <span className="order__label">{label}</span>
                  <span className="order__kind">{kindOf(label)}</span>
                  {ordering ? (
                    <>
                      <button
                        type="button"
                        className="button order__move"
                        aria-label={`Move ${label} earlier`}
                        disabled={index === 0}
                        onClick={() => send({ type: 'MOVE', from: index, to: index - 1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button order__move"
                        aria-label={`Move ${label} later`}
                        disabled={index === prediction.length - 1}
                        onClick={() => send({ type: 'MOVE', from: index, to: index + 1 })}
                      >
                        ↓
                      </button>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <div className="lab-run-row">
            {snapshot.matches('compared') || snapshot.matches('failed') ? (
              <button type="button" className="button" onClick={() => send({ type: 'TRY_AGAIN' })}>
                Change my prediction
              </button>
            ) : null}
            <button
              type="button"
              className="button button--primary"
              aria-disabled={snapshot.matches('running')}
              onClick={() => snapshot.matches('running') || send({ type: 'RUN' })}
            >
              {snapshot.matches('running') ? 'Running on the server…' : observed ? 'Run it again' : 'Run on the server'}
            </button>
          </div>
        </section>
        {observed ? (
          <section aria-labelledby={`${id}-observed`}>
            <h3 id={`${id}-observed`}>What the server observed</h3>
            <ol className="order__list" data-testid="order-observed">
              {observed.map((callback) => (
                <li key={callback.label} className="order__item">
                  <span className="order__label">{callback.label}</span>
                  <span className="order__kind">{phaseNames[callback.phase]}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      <WidgetError>{error}</WidgetError>
      {placements ? (
        <div role="status" data-testid="order-verdict">
          <p className={`callout ${allRight ? 'callout--right' : 'callout--wrong'}`}>
            {!experiment.deterministic
              ? `Either order is right: this run had ${observed![0]!.label} first, and the next may not. Run it a few times and compare.`
              : allRight
                ? 'Exactly right.'
                : `${placements.filter((placement) => !placement.right).length} of ${placements.length} in a different place.`}
          </p>
          <ul className="order__diff">
            {placements
              .filter((placement) => !placement.right)
              .map((placement) => (
                <li key={placement.label}>
                  <strong className="mono">{placement.label}</strong>: you put it {placement.predicted + 1}
                  {ordinal(placement.predicted + 1)}, it ran {placement.observed + 1}
                  {ordinal(placement.observed + 1)} ({phaseNames[placement.phase]}). {kindRules[placement.kind]}
                </li>
              ))}
          </ul>
          <p>{experiment.explanation}</p>
        </div>
      ) : null}
    </figure>
  );
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
