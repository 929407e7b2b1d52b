import { useEffect, useEffectEvent } from 'react';

export interface InboxKeyboardHandlers {
  next: () => void;
  previous: () => void;
  open: () => void;
  reply: () => void;
}

/** Where typing must keep its meaning: text fields, and open menus, listboxes and dialogs. */
function isTypingTarget(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  return el.closest('[role="menu"], [role="listbox"], [role="dialog"]') !== null;
}

/** Elements on which Enter already does something (follows the link, presses the button, picks the tab). */
function isInteractive(el: Element | null): boolean {
  return (
    el instanceof HTMLElement &&
    el.closest('a[href], button, [role="tab"], [role="button"], [role="menuitem"], summary') !== null
  );
}

/**
 * The inbox's keys: j/k move through the list, Enter opens the row under the cursor, r focuses the composer.
 * (Escape, in the composer, is handled there.)
 */
export function useInboxKeyboard(handlers: InboxKeyboardHandlers): void {
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const target = e.target instanceof Element ? e.target : null;
    if (isTypingTarget(target)) return;
    switch (e.key) {
      case 'j':
        e.preventDefault();
        handlers.next();
        break;
      case 'k':
        e.preventDefault();
        handlers.previous();
        break;
      case 'r':
        e.preventDefault();
        handlers.reply();
        break;
      case 'Enter':
        if (isInteractive(target)) return;
        e.preventDefault();
        handlers.open();
        break;
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
