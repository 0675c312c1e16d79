// The numeric-gradient view: nudge one entry of W by h and watch (L(W + h) − L(W)) / h fill
// the gradient entry by entry, beside the analytic gradient and their relative error.
import { NumericGradientView } from './pkg/descent.js';
import { element, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Mounts the numeric-gradient view in its panel; returns its handle and redraw. */
export function mountGradient(root) {
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt } = rebuildable(() => new NumericGradientView());
  const rows = root.querySelector('#gradient-rows');
  for (let k = 0; k < view.parameters; k += 1) {
    rows.append(
      element('tr', { 'data-entry': String(k) }, [
        element('th', { text: view.paramName(k) }),
        element('td', {}, [element('input', { type: 'number', 'data-param': `w.${k}`, 'aria-label': view.paramName(k) })]),
        element('td', { class: 'nudged' }),
        element('td', { class: 'numeric' }),
        element('td', { class: 'after analytic' }),
        element('td', { class: 'after error' }),
      ]),
    );
  }
  const show = () => {
    const filled = view.filled;
    const current = filled - 1;
    for (const row of rows.children) {
      const k = Number(row.dataset.entry);
      row.classList.toggle('current', k === current);
      row.querySelector('.nudged').textContent = k === current ? view.nudgedText(k) : view.thetaText(k);
      row.querySelector('.numeric').textContent = k < filled ? view.numericText(k) : '?';
      row.querySelector('.analytic').textContent = view.analyticText(k);
      row.querySelector('.error').textContent = view.relativeErrorText(k);
    }
    root.classList.toggle('complete', view.complete);
    root.querySelector('#gradient-loss').textContent = view.lossText;
    root.querySelector('#gradient-plus').textContent = current >= 0 ? view.plusLossText(current) : '';
    root.querySelector('#gradient-nudge-head').textContent =
      current >= 0 ? `W + h (${view.paramName(current)})` : 'W + h';
    root.querySelector('#gradient-formula').textContent =
      current >= 0 ? `dW[${current}] = ${view.quotientText(current)}` : 'Press “Next entry” to nudge the first entry of W.';
  };
  const refresh = bindSettings(root, view, show);
  const buttons = { 'gradient-step': 'step', 'gradient-back': 'back', 'gradient-all': 'fillAll', 'gradient-reset': 'reset' };
  for (const [id, method] of Object.entries(buttons)) {
    root.querySelector(`#${id}`).addEventListener('click', () => {
      view[method]();
      refresh();
    });
  }
  return { handle: view, redraw: show, rebuild, halt };
}
