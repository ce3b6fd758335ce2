/**
 * Focus back on the control that opened a dialog. Mantine's Modal returns focus to the element
 * focused when it opened; a dialog opened from a menu item finds that item gone when it closes,
 * and focus falls to the page's start. This remembers the last control focused outside menus,
 * listboxes and dialogs (for a row menu: its button) and, when a dialog leaves the page with
 * nothing focused, focuses it.
 */
const transient = '[role="menu"], [role="dialog"], [role="listbox"]';

export const trackDialogOpeners = () => {
  let lastOpener: HTMLElement | null = null;
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest(transient)) lastOpener = target;
    },
    true,
  );
  const dialogLeft = (mutations: MutationRecord[]) =>
    mutations.some((mutation) =>
      [...mutation.removedNodes].some(
        (node) =>
          node instanceof HTMLElement &&
          (node.matches('[role="dialog"]') || node.querySelector('[role="dialog"]') !== null),
      ),
    );
  new MutationObserver((mutations) => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    if (!dialogLeft(mutations) || document.querySelector('[role="dialog"]')) return;
    if (lastOpener?.isConnected) lastOpener.focus();
  }).observe(document.body, { childList: true, subtree: true });
};
