// "Your progress" on the curriculum map: totals, export to a JSON file, import it back, reset.

import { useRef, useState } from 'react';
import { catalog } from 'virtual:lesson-catalog';
import { progressStore, useProgress } from './store.ts';
import { parseProgress, tally, toFile } from './progress.ts';
import './progress.css';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

async function readProgressFile(file: File): Promise<Notice> {
  if (file.size > 1_000_000) return { kind: 'error', text: `${file.name} is too large to be a progress file.` };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { kind: 'error', text: `${file.name} is not a JSON file, so it cannot be Loopwire progress.` };
  }
  const result = parseProgress(json, catalog);
  if (!result.ok) return { kind: 'error', text: `Nothing imported. ${result.error}` };
  progressStore.replace(result.progress);
  const steps = catalog.reduce((sum, entry) => sum + tally(result.progress, entry).done, 0);
  const skipped = result.skipped.length ? ` Skipped ${result.skipped.length} entr${result.skipped.length === 1 ? 'y' : 'ies'} this version does not have.` : '';
  return { kind: 'ok', text: `Imported ${steps} completed step${steps === 1 ? '' : 's'} from ${file.name}.${skipped}` };
}

export default function ProgressPanel() {
  const progress = useProgress();
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const totals = catalog.reduce(
    (sum, entry) => {
      const { done, total } = tally(progress, entry);
      return { done: sum.done + done, total: sum.total + total, lessons: sum.lessons + (total > 0 && done === total ? 1 : 0) };
    },
    { done: 0, total: 0, lessons: 0 },
  );

  const predictions = Object.values(progress.lessons).flatMap((lesson) => (lesson.prediction ? [lesson.prediction] : []));
  const right = predictions.filter((prediction) => prediction.correct).length;

  return (
    <section className="progress-panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Your progress</h2>
      <p data-testid="progress-totals">
        {totals.done} of {totals.total} steps done, {totals.lessons} lesson{totals.lessons === 1 ? '' : 's'} complete. Saved in
        this browser only; export it to keep it or move it to another browser.
      </p>
      {predictions.length > 0 ? (
        <p className="widget__caption">
          Your predictions were right {right} time{right === 1 ? '' : 's'} out of {predictions.length}. Being wrong before
          the live result shows is part of how these lessons work.
        </p>
      ) : null}
      <div className="progress-panel__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            download(`loopwire-progress-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(toFile(progress, new Date()), null, 2));
            setNotice({ kind: 'ok', text: 'Progress exported.' });
          }}
        >
          Export progress
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Import progress…
        </button>
        <input
          ref={fileInput}
          hidden
          aria-label="Progress file to import"
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) setNotice(await readProgressFile(file));
          }}
        />
        {confirming ? (
          <span className="progress-panel__confirm">
            Forget every prediction and solved challenge?{' '}
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                progressStore.reset();
                setConfirming(false);
                setNotice({ kind: 'ok', text: 'Progress reset.' });
              }}
            >
              Yes, reset
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Reset progress…
          </button>
        )}
      </div>
      <p className={notice?.kind === 'error' ? 'result result--fail' : 'result'} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </section>
  );
}
