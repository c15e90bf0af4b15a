// Keeps one failing widget from taking the page down: the lesson around it stays readable, and the
// widget's place says what failed (its code could not load, or it broke while drawing).

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A failed dynamic import (or its CSS): the server was rebuilt or stopped since this page loaded. */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload|Failed to fetch/i.test(error.message)
  );
}

export class WidgetBoundary extends Component<{ name: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} widget failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="widget widget--failed" role="alert" data-testid="widget-failed">
        <p>
          <strong>The {this.props.name} widget stopped working.</strong>{' '}
          {isChunkLoadError(error)
            ? 'Its code could not be loaded: the server may have been restarted or rebuilt since this page loaded.'
            : `It failed with: ${error.message}`}
        </p>
        <p>The rest of the lesson still works. Reload the page to try the widget again.</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
