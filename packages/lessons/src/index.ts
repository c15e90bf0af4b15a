// Public entry of @loopwire/lessons: the curriculum as typed data.
export type * from './types.ts';
export { lessons } from './order.ts';
export { widgetIds, isWidgetId, type WidgetId } from './widgets.ts';
export { liveCheckIds, type LiveCheckId } from './checks.ts';
export { splitSections } from './define.ts';
export { collectLinks, collectWidgets, lessonById, lessonMarkdown } from './links.ts';
export { glossary, glossaryEntry, type GlossaryEntry } from './glossary.ts';
export { catalog, toCatalogEntry, type CatalogEntry } from './catalog.ts';
export { challengeStep, lessonSteps, type StepId } from './steps.ts';
export { lessonModules, loadLesson } from './load.ts';
export { appPages, brokenLinkReason, proseAbovePredict, reservedAnchors } from './links.ts';
export { predictFence } from './fences.ts';
export { measuredFanout } from './lessons/fan-in-fan-out/measured.ts';
