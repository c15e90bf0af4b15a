// The "?" dialog: every keyboard shortcut the site has.

import { shortcutList } from './useShortcuts.ts';
import { ModalDialog } from '../lib/ui/ModalDialog.tsx';

export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" className="modal--small" onClose={onClose}>
      <div className="modal__head">
        <h2>Keyboard shortcuts</h2>
        <form method="dialog">
          <button type="submit" className="icon-button" aria-label="Close">
            ✕
          </button>
        </form>
      </div>
      <table className="table">
        <tbody>
          {shortcutList.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
                {'alt' in shortcut ? (
                  <>
                    {' or '}
                    {shortcut.alt.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? '+' : ''}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </>
                ) : null}
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="widget__caption">Single-key shortcuts do nothing while you type in a field.</p>
    </ModalDialog>
  );
}
