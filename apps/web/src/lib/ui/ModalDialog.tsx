// A modal built on the native <dialog>: focus moves in and is kept there, Esc closes, focus returns
// to where it was. Closing by any means calls onClose once.

import { useEffect, useRef, type ReactNode } from 'react';
import './modal.css';

export function ModalDialog(props: { title: string; className?: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current!;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, [onClose]);
  return (
    <dialog
      ref={ref}
      className={`modal ${props.className ?? ''}`}
      aria-label={props.title}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="modal__body">{props.children}</div>
    </dialog>
  );
}
