// One challenge with its automatic check: a quiz checked in the page, or a live check against the server.

import { useState } from 'react';
import type { Challenge } from '@loopwire/lessons';
import { liveChecks, type CheckResult } from '../checks/index.ts';
import { browserCheckContext } from '../checks/context.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { Markdown } from './Markdown.tsx';

export function ChallengeCard({ challenge }: { challenge: Challenge }) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const { check } = challenge;

  async function runCheck() {
    if (answer === null) return;
    setChecking(true);
    try {
      if (check.kind === 'quiz') {
        const pass = answer === check.answer;
        setResult({ pass, message: pass ? 'Correct.' : `Not quite. Hint: ${challenge.hint}` });
      } else {
        setResult(await liveChecks[check.check](answer, browserCheckContext));
      }
    } catch (error) {
      setResult({ pass: false, message: `The check could not reach the server: ${(error as Error).message}` });
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className={`challenge${result?.pass ? ' challenge--passed' : ''}`} data-testid={`challenge-${challenge.id}`}>
      <h3>{challenge.title}</h3>
      <Markdown>{challenge.prompt}</Markdown>
      {check.kind === 'quiz' ? (
        <ChoiceList name={challenge.id} choices={check.choices} value={answer} onChange={setAnswer} />
      ) : (
        <label className="field">
          <span>Your answer</span>
          <input className="input" value={answer ?? ''} onChange={(event) => setAnswer(event.target.value)} />
        </label>
      )}
      <button type="button" className="button" disabled={answer === null || answer === '' || checking} onClick={() => void runCheck()}>
        {checking ? 'Checking…' : 'Check'}
      </button>
      {result ? (
        <p className={result.pass ? 'result result--pass' : 'result result--fail'} role="status">
          {result.pass ? '✓ ' : '✗ '}
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
