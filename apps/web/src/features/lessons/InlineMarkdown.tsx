// One line of lesson text (a goal, a recap point, a question, a choice) with its inline Markdown
// rendered: `code`, **bold**, *emphasis*. Without it the page showed the backticks themselves.

import ReactMarkdown from 'react-markdown';

const inlineElements = ['code', 'strong', 'em'];

export function InlineMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown allowedElements={inlineElements} unwrapDisallowed>
      {children}
    </ReactMarkdown>
  );
}
