import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';

interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** An alert dialog (confirmations) is announced as such and has no close button. */
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes it on Escape and
 * returns focus to where it was. Mount it to open it, unmount it to close it.
 */
export function Dialog({ title, onClose, children, className, role, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The browser would focus the close button; start where the work is instead.
    const first = dialog.querySelector<HTMLElement>(
      '[data-autofocus], .dialog__body input:not([type="file"]):not([disabled]), .dialog__body textarea, .dialog__body select, .dialog__body button',
    );
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', className ?? ''].join(' ')}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        {role === 'alertdialog' ? null : (
          <button type="button" className="button button--ghost button--icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** Asks before anything destructive, in the app's own dialog rather than window.confirm. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const messageId = useId();

  const confirm = useCallback<Confirm>(
    (options) =>
      new Promise<boolean>((resolve) => {
        setRequest({ ...options, resolve });
      }),
    [],
  );

  const answer = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {request ? (
        <Dialog title={request.title} onClose={() => answer(false)} role="alertdialog" describedBy={messageId}>
          <div id={messageId} className="dialog__message">
            {request.message}
          </div>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => answer(false)}>
              {request.cancelLabel ?? 'Cancel'}
            </button>
            <button
              type="button"
              className={request.danger ? 'button button--danger' : 'button button--primary'}
              onClick={() => answer(true)}
            >
              {request.confirmLabel}
            </button>
          </div>
        </Dialog>
      ) : null}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm outside ConfirmProvider');
  return confirm;
}

type Notify = (message: string) => void;
const ToastContext = createContext<Notify>(() => {});

/** Short confirmations ("Settings saved") in a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<{ id: number; message: string }[]>([]);
  const next = useRef(1);
  const notify = useCallback<Notify>((message) => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-2), { id, message }]);
    window.setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 4000);
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <p key={t.id} className="toast">
            {t.message}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
