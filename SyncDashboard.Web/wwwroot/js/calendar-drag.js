// Drag an event to move it, or its lower edge to change its end, in the calendar's time grid (15-minute steps, any
// day column) and month view (whole days). Pointer events, so mouse, pen and touch alike. While dragging, the chip
// itself follows as the preview; on release the drop is reported to .NET (CalendarPage.OnDropAsync), which writes it
// and re-renders — the preview is cleared once that call returns, so a refused drop snaps back. A drag never opens
// the editor; a plain click still does. Keyboard: Alt+Arrow moves a focused chip (Up/Down 15 min, Left/Right a day),
// Alt+Shift+Up/Down changes its end.

const threshold = 5; // pixels before a press becomes a drag
const step = 15;     // minutes; EventDragMath.SnapMinutes rounds the same way
const kinds = { move: 0, resize: 1 }; // DragKind

export function attach(root, dotnet) {
  let drag = null;

  const snapPx = (dy, minutePx) => Math.round(dy / minutePx / step) * step * minutePx;

  function begin(e) {
    const { chip } = drag;
    drag.started = true;
    drag.root = chip.closest('.cal-event-root') ?? chip;
    drag.column = chip.closest('[data-testid="day-column"]');
    drag.grid = chip.closest('[data-minute-px]');
    drag.minutePx = drag.grid ? parseFloat(drag.grid.dataset.minutePx) : 0;
    drag.startHeight = chip.getBoundingClientRect().height;
    drag.fromDate = drag.column?.dataset.date;
    drag.root.classList.add('cal-drag-root');
    document.body.classList.add('cal-drag-active');
    // The preview lets the pointer through (cal-dragging), so what is under it is the day it is over.
    chip.classList.add('cal-dragging');
    drag.cell = drag.column ? null : cellAt(drag.x0, drag.y0);
    try { chip.setPointerCapture(drag.pointerId); } catch { /* the pointer is already gone */ }
  }

  function cellAt(x, y) {
    return document.elementFromPoint(x, y)?.closest('[data-testid="month-day"]');
  }

  function dayDelta(from, to) {
    if (!from || !to) return 0;
    return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
  }

  function preview(e) {
    const { chip } = drag;
    const dx = e.clientX - drag.x0, dy = e.clientY - drag.y0;
    if (drag.mode === 'resize') {
      drag.deltaPx = snapPx(dy, drag.minutePx);
      chip.style.height = Math.max(drag.minutePx * step, drag.startHeight + drag.deltaPx) + 'px';
      return;
    }
    if (drag.column) {
      drag.deltaPx = snapPx(dy, drag.minutePx);
      const target = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-testid="day-column"]');
      const column = target && target.parentElement === drag.column.parentElement ? target : drag.target ?? drag.column;
      drag.target = column;
      drag.days = dayDelta(drag.fromDate, column.dataset.date);
      const shift = column.getBoundingClientRect().left - drag.column.getBoundingClientRect().left;
      chip.style.transform = `translate(${shift}px, ${drag.deltaPx}px)`;
      return;
    }
    const cell = cellAt(e.clientX, e.clientY) ?? drag.target;
    if (cell) {
      drag.target?.classList.remove('cal-drop-target');
      cell.classList.add('cal-drop-target');
      drag.target = cell;
      drag.days = dayDelta(drag.cell?.dataset.date, cell.dataset.date);
    }
    chip.style.transform = `translate(${dx}px, ${dy}px)`;
  }

  // Beside the pointer, where the chip would land ("Thu, Dec 3 12:15 PM – 1:15 PM"), worded by .NET's one formatter;
  // asked for only when the snapped place changes. Fixed to the viewport, so it never widens the page.
  let label = null, asked = '';
  function describe(d, x, y) {
    if (!label) {
      label = document.body.appendChild(document.createElement('div'));
      label.className = 'cal-drag-label';
      label.setAttribute('role', 'status');
      label.hidden = true;
    }
    label.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - label.offsetWidth - 4)) + 'px';
    label.style.top = Math.max(4, Math.min(y + 18, window.innerHeight - label.offsetHeight - 4)) + 'px';
    const key = `${d.mode}|${d.days}|${d.deltaPx}`;
    if (key === asked) return;
    asked = key;
    dotnet.invokeMethodAsync('DescribeDrop', drop(d, d.days, d.deltaPx, d.mode === 'resize' ? kinds.resize : kinds.move))
      .then(text => { if (asked === key && drag === d) { label.textContent = text ?? ''; label.hidden = !text; } })
      .catch(() => { });
  }

  function drop(d, days, deltaPx, kind) {
    return { eventId: d.chip.dataset.eventId, occurrenceStart: d.chip.dataset.start, kind, days, deltaPx };
  }

  function clear(d) {
    if (label) { label.hidden = true; label.textContent = ''; }
    asked = '';
    d.chip.classList.remove('cal-dragging');
    d.root?.classList.remove('cal-drag-root');
    document.body.classList.remove('cal-drag-active');
    d.target?.classList.remove('cal-drop-target');
    d.chip.style.transform = '';
    d.chip.style.height = '';
  }

  async function report(d, days, deltaPx, kind) {
    try {
      await dotnet.invokeMethodAsync('OnDropAsync', drop(d, days, deltaPx, kind));
    } catch { /* the circuit is gone; the page reloads or reconnects */ }
  }

  function onDown(e) {
    if (drag || e.button !== 0 || !e.isPrimary) return;
    const chip = e.target.closest('[data-drag]');
    if (!chip || !root.contains(chip)) return;
    const resize = e.target.closest('.cal-resize');
    drag = { chip, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, mode: resize ? 'resize' : 'move', days: 0, deltaPx: 0, started: false };
    // A touch on the resize handle must not start the browser's scrolling.
    if (resize) e.preventDefault();
  }

  function onMove(e) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    if (!drag.started) {
      if (Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) < threshold) return;
      begin(e);
    }
    e.preventDefault();
    if (drag.cancelled) return;
    preview(e);
    describe(drag, e.clientX, e.clientY);
  }

  async function onUp(e) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    if (!d.started) return;
    // The click that follows this release must not open the editor.
    root.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => root.removeEventListener('click', swallow, { capture: true }), 0);
    if (e.type === 'pointercancel' || d.cancelled || (d.days === 0 && d.deltaPx === 0)) { clear(d); return; }
    await report(d, d.days, d.deltaPx, d.mode === 'resize' ? kinds.resize : kinds.move);
    clear(d);
  }

  function swallow(e) { e.stopPropagation(); e.preventDefault(); }

  function onKey(e) {
    // Escape gives up the drag; the release that follows then does nothing (and opens nothing).
    if (e.key === 'Escape' && drag?.started) { drag.cancelled = true; clear(drag); return; }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const chip = e.target.closest?.('[data-drag]');
    if (!chip || !root.contains(chip)) return;
    const grid = chip.closest('[data-minute-px]');
    const minutePx = grid ? parseFloat(grid.dataset.minutePx) : 0;
    const keys = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const k = keys[e.key];
    if (!k) return;
    const resize = e.shiftKey;
    if ((resize || k[1] !== 0) && !grid) return;
    if (resize && k[1] === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const d = { chip };
    report(d, resize ? 0 : k[0], k[1] * step * minutePx, resize ? kinds.resize : kinds.move)
      .then(() => root.querySelector(`[data-drag][data-event-id="${chip.dataset.eventId}"]`)?.focus());
  }

  root.addEventListener('pointerdown', onDown);
  root.addEventListener('pointermove', onMove);
  root.addEventListener('pointerup', onUp);
  root.addEventListener('pointercancel', onUp);
  root.addEventListener('keydown', onKey, { capture: true });
  // A sentinel for tests (and anyone scripting the page): drags and Alt+Arrow keys are listened to from here on.
  root.dataset.dragReady = 'true';
  return {
    dispose() {
      delete root.dataset.dragReady;
      label?.remove();
      root.removeEventListener('pointerdown', onDown);
      root.removeEventListener('pointermove', onMove);
      root.removeEventListener('pointerup', onUp);
      root.removeEventListener('pointercancel', onUp);
      root.removeEventListener('keydown', onKey, { capture: true });
    },
  };
}
