// The 404 page inside the app: for an unknown path, and for a lesson id no lesson has.

import { Link } from 'react-router';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './not-found.css';

export default function NotFound({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found · Loopwire');
  return (
    <div className="not-found">
      <p className="eyebrow">404</p>
      <h1>There is no such {what}</h1>
      <p>
        The link may be old, or mistyped. The <Link to="/">curriculum</Link> lists every lesson.
      </p>
    </div>
  );
}
