// One challenge with its automatic check: a quiz checked in the page, or a live check against the
// server. A pass is recorded in the learner's progress.

import { useState } from 'react';
import { challengeStep, type Challenge } from '@loopwire/lessons';
import { liveChecks } from '../../checks/registry.ts';
import { browserCheckContext, type CheckResult } from '../../lib/live/context.ts';
import { progressStore, useProgress } from '../progress/index.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { Markdown } from './Markdown.tsx';

export function ChallengeCard(props: { lessonId: string; challenge: Challenge; terms?: ReadonlySet<string> }) {
  const { lessonId, challenge, terms } = props;
  const [answer, setAnswer] = useState<string | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const solvedAt = useProgress().lessons[lessonId]?.completed[challengeStep(challenge.id)];
  const { check } = challenge;

  async function runCheck() {
    if (answer === null) return;
    setChecking(true);
    try {
      let outcome: CheckResult;
      if (check.kind === 'quiz') {
        const pass = answer === check.answer;
        outcome = { pass, message: pass ? 'Correct.' : `Not quite. Hint: ${challenge.hint}` };
      } else {
        outcome = await liveChecks[check.check](answer, browserCheckContext);
      }
      setResult(outcome);
      if (outcome.pass) progressStore.completeStep(lessonId, challengeStep(challenge.id));
    } catch (error) {
      setResult({ pass: false, message: `The check could not reach the server: ${(error as Error).message}` });
    } finally {
      setChecking(false);
    }
  }

  return (
    <div
      className={`challenge${result?.pass || (solvedAt && !result) ? ' challenge--passed' : ''}`}
      data-testid={`challenge-${challenge.id}`}
    >
      <div className="challenge__head">
        <h3 id={`challenge-${challenge.id}`}>{challenge.title}</h3>
        {solvedAt ? (
          <span className="solved" title={`Solved ${new Date(solvedAt).toLocaleString()}`}>
            ✓ Solved
          </span>
        ) : null}
      </div>
      <Markdown terms={terms}>{challenge.prompt}</Markdown>
      {/* A form, so Enter in the answer field checks it. */}
      <form
        className="challenge__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!checking && answer !== null && answer !== '') void runCheck();
        }}
      >
        {check.kind === 'quiz' ? (
          <ChoiceList name={challenge.id} label={challenge.title} choices={check.choices} value={answer} onChange={setAnswer} />
        ) : (
          <label className="field">
            <span>Your answer</span>
            <input className="input" value={answer ?? ''} onChange={(event) => setAnswer(event.target.value)} />
          </label>
        )}
        <button type="submit" className="button" disabled={answer === null || answer === ''} aria-disabled={checking}>
          {checking ? 'Checking…' : 'Check'}
        </button>
      </form>
      {result ? (
        <p className={result.pass ? 'result result--pass' : 'result result--fail'} role="status">
          {result.pass ? '✓ ' : '✗ '}
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
