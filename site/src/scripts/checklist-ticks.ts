/**
 * Ticks on the checklists page, kept in localStorage under one key as a map from item key
 * to ticked, so a reload (or a later visit) shows the same ticks. An item never touched
 * shows what its source says (`- [x]` starts ticked).
 */
const storageKey = 'capsule-docs:checklist-ticks';

type Ticks = Record<string, boolean>;

export function keepTicks(root: Document): void {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-checklist-key]')];
  const count = root.querySelector<HTMLElement>('[data-checklist-count]');
  const reset = root.querySelector<HTMLButtonElement>('[data-checklist-reset]');
  const ticks = readTicks();

  const showCount = () => {
    if (count) count.textContent = String(boxes.filter((box) => box.checked).length);
  };
  for (const box of boxes) {
    const key = box.dataset['checklistKey']!;
    if (key in ticks) box.checked = ticks[key]!;
    box.addEventListener('change', () => {
      ticks[key] = box.checked;
      writeTicks(ticks);
      showCount();
    });
  }
  reset?.addEventListener('click', () => {
    for (const key of Object.keys(ticks)) delete ticks[key];
    writeTicks(ticks);
    for (const box of boxes) box.checked = box.dataset['default'] === 'checked';
    showCount();
  });
  showCount();
}

function readTicks(): Ticks {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    return saved !== null && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Ticks) : {};
  } catch {
    // Storage may be unreadable (private mode, a corrupt value): start with no saved ticks.
    return {};
  }
}

function writeTicks(ticks: Ticks): void {
  try {
    if (Object.keys(ticks).length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(ticks));
  } catch {
    // Without storage the ticks still work for this visit.
  }
}
