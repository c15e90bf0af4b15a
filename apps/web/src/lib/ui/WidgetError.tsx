// A widget's error line: announced when it appears, nothing when there is no error.

export function WidgetError({ children }: { children: string | null | undefined }) {
  return children ? (
    <p className="widget__error" role="alert">
      {children}
    </p>
  ) : null;
}
