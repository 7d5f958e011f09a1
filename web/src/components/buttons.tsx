import { useEffect, useRef, useState } from 'react';

/** A destructive action asks once, in place, without a modal: keyboard-friendly and undoable. */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  busy,
  className = 'button-danger',
}: {
  label: string;
  confirmLabel?: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={first} type="button" className={className} disabled={busy} onClick={() => setAsking(true)}>
        {busy ? 'Working…' : label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={yes}
        type="button"
        className="button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel ?? `Yes, ${label.toLowerCase()}`}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className="button-secondary"
      onClick={() => {
        navigator.clipboard?.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        ) ?? setState('failed');
      }}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy' : label}</span>
    </button>
  );
}

/** A value to hand over (a new API key, an invite link): selected on focus, with a Copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="token-row">
      <input className="token" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      <CopyButton text={value} />
    </div>
  );
}
