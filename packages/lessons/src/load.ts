// One lesson at a time: each lesson is its own module, loaded when its page opens, so a lesson page
// carries its own text and not the whole curriculum's (the web build splits one chunk per lesson).

import type { Lesson } from './types.ts';

/** Every lesson's module by id; the same lessons as order.ts, which a test keeps in step. */
export const lessonModules: Readonly<Record<string, () => Promise<{ default: Lesson }>>> = {
  'endpoints-and-layers': () => import('./lessons/endpoints-and-layers/lesson.ts'),
  'http-request-response': () => import('./lessons/http-request-response/lesson.ts'),
  'polling-and-long-polling': () => import('./lessons/polling-and-long-polling/lesson.ts'),
  'server-sent-events': () => import('./lessons/server-sent-events/lesson.ts'),
  'websocket-handshake': () => import('./lessons/websocket-handshake/lesson.ts'),
  'frames-and-messages': () => import('./lessons/frames-and-messages/lesson.ts'),
  'socketio-is-not-websocket': () => import('./lessons/socketio-is-not-websocket/lesson.ts'),
  'event-loop': () => import('./lessons/event-loop/lesson.ts'),
  'blocking-the-line': () => import('./lessons/blocking-the-line/lesson.ts'),
  'worker-threads': () => import('./lessons/worker-threads/lesson.ts'),
  'who-is-on-the-other-end': () => import('./lessons/who-is-on-the-other-end/lesson.ts'),
  'fan-in-fan-out': () => import('./lessons/fan-in-fan-out/lesson.ts'),
  'beyond-one-server': () => import('./lessons/beyond-one-server/lesson.ts'),
};

/** The lesson with this id, or null when there is none. */
export async function loadLesson(id: string): Promise<Lesson | null> {
  const load = Object.hasOwn(lessonModules, id) ? lessonModules[id] : undefined;
  return load ? (await load()).default : null;
}
