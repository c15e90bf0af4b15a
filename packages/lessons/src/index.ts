// Public entry of @loopwire/lessons: the curriculum as typed data.
export type * from './types.ts';
export { lessons } from './order.ts';
export { widgetIds, isWidgetId, type WidgetId } from './widgets.ts';
export { liveCheckIds, type LiveCheckId } from './checks.ts';
export { splitSections } from './define.ts';
export { collectLinks, collectWidgets, lessonById, lessonMarkdown } from './links.ts';
export { glossary, glossaryEntry, type GlossaryEntry } from './glossary.ts';
export { catalog, challengeStep, lessonSteps, toCatalogEntry, type CatalogEntry, type StepId } from './catalog.ts';
export { appPages, brokenLinkReason, predictFence, proseAbovePredict, reservedAnchors } from './links.ts';
