// The per-point table of the classifier lab: x₀, x₁, y, the scores and L_i of every point,
// with the mean row always in view. Only the rows on screen exist in the page (a pool of row
// elements moved as the table scrolls), and the lab computes only those rows, so a thousand
// points scroll as smoothly as nine. Header and rows scroll together in one box; when the
// columns are wider than the box (many classes on a small screen), the L_i column stays put at
// its right edge.
import { LabView } from './pkg/descent.js';
import { compact } from './lab-grid.js';
import { element } from './ui.js';

/** Height of a row in CSS pixels (the stylesheet's --row-height). */
const ROW = 26;
/** Row flags, as the lab reports them. */
const IN_BATCH = 1;
const HOVERED = 2;
const MISCLASSIFIED = 4;
const HELD_OUT = 8;

/** Builds the table in `root`; returns { build, update, reveal }. */
export function mountTable(root, lab) {
  const head = element('div', { class: 'table-head' });
  const body = element('div', { class: 'table-body' });
  const scroller = element('div', { class: 'table-scroll' }, [head, body]);
  const foot = element('div', { class: 'table-foot' });
  root.replaceChildren(scroller, foot);
  let pool = [];
  let classes = 0;

  function cells(row, count) {
    for (let c = 0; c < count; c += 1) row.append(element('span'));
    return row;
  }

  function build() {
    classes = lab.classes;
    const columns = 3 + classes + 1;
    root.style.setProperty('--classes', String(classes));
    head.replaceChildren(
      ...['x₀', 'x₁', 'y'].map((text) => element('span', { text })),
      ...Array.from({ length: classes }, (_, k) => {
        const s = element('span', { class: 'score', text: `s${String.fromCharCode(0x2080 + k)}` });
        s.style.setProperty('--class', LabView.classColor(k));
        return s;
      }),
      element('span', { class: 'loss', text: 'Lᵢ' }),
    );
    const label = element('span', { class: 'mean-label', text: 'mean Lᵢ over the training points (the data loss)' });
    foot.replaceChildren(label, element('span', { class: 'loss mean' }));
    root.classList.toggle('compact', classes > 3);
    const visible = Math.ceil(scroller.clientHeight / ROW) + 2;
    for (const row of pool) row.remove();
    pool = Array.from({ length: Math.max(visible, 12) }, () => {
      const row = cells(element('div', { class: 'table-row' }), columns);
      row.addEventListener('pointerenter', () => lab.setHover(Number(row.dataset.index)));
      body.append(row);
      return row;
    });
  }

  function update() {
    const n = lab.points;
    body.style.height = `${n * ROW}px`;
    const first = Math.min(Math.floor(scroller.scrollTop / ROW), Math.max(0, n - 1));
    const width = lab.rowWidth;
    const rows = lab.tableRows(first, pool.length);
    const shown = rows.length / width;
    pool.forEach((row, r) => {
      if (r >= shown) {
        row.hidden = true;
        return;
      }
      const values = rows.subarray(r * width, (r + 1) * width);
      const flags = values[width - 1];
      const label = values[2];
      row.hidden = false;
      row.dataset.index = String(first + r);
      row.style.transform = `translateY(${(first + r) * ROW}px)`;
      row.classList.toggle('batch', (flags & IN_BATCH) !== 0);
      row.classList.toggle('hover', (flags & HOVERED) !== 0);
      row.classList.toggle('held-out', (flags & HELD_OUT) !== 0);
      row.title = (flags & HELD_OUT) !== 0 ? 'held out: not trained on' : '';
      const spans = row.children;
      spans[0].textContent = compact(values[0]);
      spans[1].textContent = compact(values[1]);
      spans[2].textContent = String(label);
      spans[2].className = (flags & MISCLASSIFIED) !== 0 ? 'label wrong' : 'label';
      spans[2].style.setProperty('--class', LabView.classColor(label));
      let best = 0;
      for (let k = 1; k < classes; k += 1) if (values[3 + k] > values[3 + best]) best = k;
      for (let k = 0; k < classes; k += 1) {
        const s = spans[3 + k];
        s.textContent = compact(values[3 + k]);
        s.className = k === best ? 'score best' : 'score';
        s.style.setProperty('--class', LabView.classColor(k));
      }
      const loss = values[3 + classes];
      spans[3 + classes].textContent = compact(loss);
      spans[3 + classes].className = loss > 0 ? 'loss paying' : 'loss';
    });
    foot.lastChild.textContent = compact(lab.dataLoss);
  }

  /** Scrolls row i into view below the header (when the canvas highlights a point off
   *  screen). */
  function reveal(i) {
    const top = i * ROW;
    const shown = scroller.clientHeight - head.offsetHeight;
    if (top < scroller.scrollTop || top + ROW > scroller.scrollTop + shown) {
      scroller.scrollTop = top - shown / 2;
    }
  }

  scroller.addEventListener('scroll', update, { passive: true });
  scroller.addEventListener('pointerleave', () => lab.setHover(-1));
  return { build, update, reveal };
}
