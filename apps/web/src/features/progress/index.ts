// The progress feature's public face: the learner's saved progress, for the shell and the lessons to
// read and record into. Its panel (ProgressPanel) is loaded lazily by the page that shows it.

export { progressStore, useProgress } from './store.ts';
export { tally, type Progress } from './progress.ts';
