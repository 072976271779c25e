/* global document, window, fetch, setInterval, HTMLElement */
// Progressive enhancement for the desk. Every page works without this file: it starts the NHS.UK
// components, adds keyboard shortcuts to the inbox and tells the officer when new items arrive.
import { initAll } from '/assets/nhsuk/frontend.min.js';

initAll();

const table = document.querySelector('[data-desk-items]');
if (table) {
  const hint = document.querySelector('.desk-shortcuts-hint');
  if (hint) hint.hidden = false;
  const rows = () => [...table.querySelectorAll('tbody tr')];
  let current = -1;
  const focusRow = (i) => {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, j) =>
      j === current ? r.setAttribute('aria-current', 'true') : r.removeAttribute('aria-current'),
    );
    all[current].querySelector('a')?.focus();
  };
  document.addEventListener('keydown', (event) => {
    const t = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (t instanceof HTMLElement && t.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'j') {
      event.preventDefault();
      focusRow(current + 1);
    } else if (event.key === 'k') {
      event.preventDefault();
      focusRow(current - 1);
    } else if (event.key === '/') {
      const search = document.getElementById('search-field');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (event.key === 'x' && current >= 0) {
      const box = rows()[current]?.querySelector('input[type=checkbox]');
      if (box) {
        event.preventDefault();
        box.checked = !box.checked;
      }
    } else if ((event.key === 'a' || event.key === 'c') && current >= 0) {
      // Assign to me / close: the selected items, or the focused one when none is selected,
      // through the same bulk form a mouse user submits (so the server decides as usual).
      const form = document.getElementById('bulk');
      const action = document.getElementById('bulk-action');
      if (!form || !action) return;
      const boxes = rows().map((r) => r.querySelector('input[type=checkbox]'));
      if (!boxes.some((b) => b && b.checked)) {
        const box = boxes[current];
        if (!box) return;
        box.checked = true;
      }
      event.preventDefault();
      action.value = event.key === 'a' ? 'assign_me' : 'close';
      form.requestSubmit();
    }
  });
}

// Live arrival: poll the JSON API (the session cookie signs the request) and say how many new
// items have arrived, with a link that reloads the inbox. Off on filtered and later pages.
const live = document.getElementById('desk-live');
if (live && !live.hasAttribute('data-live-off')) {
  const seen = new Set((live.dataset.seen || '').split(',').filter(Boolean).map(Number));
  const poll = async () => {
    try {
      const res = await fetch(live.dataset.liveApi, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const body = await res.json();
      const fresh = body.items.filter((i) => !seen.has(i.id));
      const urgent = fresh.filter((i) => i.urgent).length;
      if (fresh.length === 0) return;
      live.replaceChildren();
      const p = document.createElement('p');
      p.className = 'nhsuk-body';
      const strong = document.createElement('strong');
      strong.textContent =
        `${fresh.length} new ${fresh.length === 1 ? 'item has' : 'items have'} arrived` +
        (urgent ? `, ${urgent} urgent` : '') +
        '. ';
      const a = document.createElement('a');
      a.href = window.location.pathname;
      a.textContent = 'Show them';
      p.append(strong, a);
      live.append(p);
    } catch {
      // Offline or signed out: try again at the next tick.
    }
  };
  setInterval(poll, Number(live.dataset.interval || 20000));
  live.addEventListener('desk:poll', poll);
}
