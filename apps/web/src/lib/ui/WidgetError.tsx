// A widget's error line: announced when it appears, nothing when there is no error. A request that
// got no answer at all is said in words, not as the browser's "Failed to fetch".

/** The browsers' messages for a fetch that never reached the server. */
const noAnswer = /^(TypeError: )?(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

export function errorInWords(message: string): string {
  return noAnswer.test(message.trim())
    ? 'The server is unreachable: the request got no answer. Is Loopwire still running (npm start)?'
    : message;
}

export function WidgetError({ children }: { children: string | null | undefined }) {
  return children ? (
    <p className="widget__error" role="alert">
      {errorInWords(children)}
    </p>
  ) : null;
}
