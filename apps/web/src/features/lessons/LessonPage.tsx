// One lesson in its fixed shape: question, goals, intro, sections, predict, recap, challenges.

import { Link, useParams } from 'react-router';
import { lessonById, lessons, lessonSteps, predictFence, type Lesson } from '@loopwire/lessons';
import { Markdown, PredictSlot } from './Markdown.tsx';
import { firstMentions } from './remarkGlossaryLinks.ts';
import { PredictStep } from './PredictStep.tsx';
import { ChallengeCard } from './ChallengeCard.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useScrollToHash } from '../../lib/useScrollToHash.ts';
import { useProgress } from '../progress/index.ts';
import NotFound from '../../lib/ui/NotFound.tsx';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import './lessons.css';

function Neighbours({ lesson }: { lesson: Lesson }) {
  const index = lessons.indexOf(lesson);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <nav className="neighbours" aria-label="Lesson navigation">
      {previous ? (
        <Link to={`/lessons/${previous.id}`} rel="prev" aria-keyshortcuts="p" title="Previous lesson (p)">
          ← {previous.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={`/lessons/${next.id}`} rel="next" aria-keyshortcuts="n" title="Next lesson (n)">
          {next.title} →
        </Link>
      ) : null}
    </nav>
  );
}

interface PageTerms {
  intro: Set<string>;
  sections: Set<string>[];
  predict: { instructions: Set<string>; explain: Set<string> };
  challenges: Set<string>[];
}

const pageTermsCache = new WeakMap<Lesson, PageTerms>();

/** Which glossary terms each piece of the page links: each term once, where the page first mentions it. */
function pageTerms(lesson: Lesson): PageTerms {
  const cached = pageTermsCache.get(lesson);
  if (cached) return cached;
  const { predict } = lesson;
  const pieces = [
    lesson.intro,
    ...lesson.sections.map((section) => section.body),
    predict?.observe.instructions ?? '',
    predict?.explain ?? '',
    ...lesson.challenges.map((challenge) => challenge.prompt),
  ];
  const mentions = firstMentions(pieces);
  const afterSections = 1 + lesson.sections.length;
  const terms: PageTerms = {
    intro: mentions[0]!,
    sections: mentions.slice(1, afterSections),
    predict: { instructions: mentions[afterSections]!, explain: mentions[afterSections + 1]! },
    challenges: mentions.slice(afterSections + 2),
  };
  pageTermsCache.set(lesson, terms);
  return terms;
}

/** "2 of 4 steps done", from the learner's saved progress. */
function StepsDone({ lesson }: { lesson: Lesson }) {
  const completed = useProgress().lessons[lesson.id]?.completed ?? {};
  const steps = lessonSteps(lesson);
  const done = steps.filter((step) => completed[step]).length;
  if (done === 0) return null;
  return <> · {done === steps.length ? 'complete' : `${done} of ${steps.length} steps done`}</>;
}

function PlannedLesson({ lesson }: { lesson: Lesson }) {
  return (
    <article className="lesson">
      <p className="eyebrow">Lesson {lessons.indexOf(lesson) + 1} · coming soon</p>
      <h1>{lesson.title}</h1>
      <p className="lesson__question">{lesson.question}</p>
      <p>{lesson.summary} This lesson is being written; its live widgets come first.</p>
      <Neighbours lesson={lesson} />
    </article>
  );
}

export default function LessonPage() {
  const { id = '' } = useParams();
  const lesson = lessonById(id);
  useDocumentTitle(lesson ? `${lesson.title} · Loopwire` : 'Not found · Loopwire');
  useScrollToHash();
  if (!lesson) return <NotFound what="lesson" />;
  if (lesson.status === 'planned') return <PlannedLesson lesson={lesson} />;
  const terms = pageTerms(lesson);
  const predictStep = lesson.predict ? <PredictStep lessonId={lesson.id} prediction={lesson.predict} terms={terms.predict} /> : null;
  // Where the lesson's ```predict block puts it, above the prose that answers it; else after the sections.
  const placedInProse = [lesson.intro, ...lesson.sections.map((section) => section.body)].some((body) => body.includes(predictFence));
  return (
    <PredictSlot value={predictStep}>
      <article className="lesson" aria-labelledby="lesson-title">
        <p className="eyebrow">
          Lesson {lessons.indexOf(lesson) + 1} · {lesson.minutes} min{lesson.status === 'reading' ? ' · reading' : ''}
          <StepsDone lesson={lesson} />
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lesson__question">{lesson.question}</p>
        <section className="goals" aria-labelledby="goals">
          <h2 id="goals">You will learn</h2>
          <ul>
            {lesson.goals.map((goal) => (
              <li key={goal}>
                <InlineMarkdown>{goal}</InlineMarkdown>
              </li>
            ))}
          </ul>
        </section>
        <Markdown terms={terms.intro}>{lesson.intro}</Markdown>
        {lesson.sections.map((section, index) => (
          <section key={section.id} aria-labelledby={section.id}>
            <div className="anchored">
              <h2 id={section.id}>{section.title}</h2>
              {/* Beside the heading, not inside it, so the heading's accessible name stays its title. */}
              <a href={`#${section.id}`} className="anchor" aria-label={`Link to section: ${section.title}`} title="Link to this section">
                #
              </a>
            </div>
            <Markdown terms={terms.sections[index]}>{section.body}</Markdown>
          </section>
        ))}
        {placedInProse ? null : predictStep}
        <section aria-labelledby="recap" className="recap">
          <h2 id="recap">Recap</h2>
          <ul>
            {lesson.recap.map((point) => (
              <li key={point}>
                <InlineMarkdown>{point}</InlineMarkdown>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="challenges">
          <h2 id="challenges">Challenges</h2>
          {lesson.challenges.map((challenge, index) => (
            <ChallengeCard key={challenge.id} lessonId={lesson.id} challenge={challenge} terms={terms.challenges[index]} />
          ))}
        </section>
        <section aria-labelledby="sources" className="references">
          <h2 id="sources">Sources</h2>
          <ul>
            {lesson.references.map((reference) => (
              <li key={reference.href}>
                <a href={reference.href} target="_blank" rel="noreferrer">
                  {reference.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <Neighbours lesson={lesson} />
      </article>
    </PredictSlot>
  );
}
