// The fenced blocks a lesson's Markdown may hold besides code. Kept apart from the curriculum list
// (links.ts reads every lesson), so a lesson page can place its predict step without bundling them all.

/** Where a lesson's prose puts its predict step: the page renders the step in its place. */
export const predictFence = '```predict\n```';
