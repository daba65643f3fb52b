import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal built on the native <dialog>: focus moves in and is trapped, Escape closes it, and the
 * page behind is inert, all without hand-written focus management.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
    };
  }, [onClose]);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={props.wide ? 'dialog wide' : 'dialog'}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
