// The W and b grid of the classifier lab: for every parameter its value, its gradient ∂L/∂θ,
// ▼▲ nudges and a slider. One row per class, coloured like the class. The numbers come from
// the lab; the sliders are ordinary data-param controls.
import { bindParams, clearNotice, report } from './ui.js';
import { LabView } from './pkg/descent.js';

/** A number as the grid and the table show it: two decimals, no "-0.00", and 1.2e5 for
 *  numbers too wide for a cell. */
export function fixed(value, decimals = 2) {
  if (Math.abs(value) >= 1e4) return value.toExponential(1).replace('e+', 'e');
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds the grid in `root`; returns { build, update } (build again when the shape changes). */
export function mountGrid(root, lab, onChange) {
  let cells = [];

  const nudge = (name, up) => {
    try {
      lab.nudge(name, up);
      clearNotice();
    } catch (error) {
      report(error);
    }
    onChange(name);
  };

  function cell(name, k) {
    const box = element('div', 'param');
    box.style.setProperty('--class', LabView.classColor(k));
    box.dataset.name = name;
    const down = element('button', 'nudge', '▼');
    const up = element('button', 'nudge', '▲');
    down.type = up.type = 'button';
    down.setAttribute('aria-label', `decrease ${name}`);
    up.setAttribute('aria-label', `increase ${name}`);
    down.addEventListener('click', () => nudge(name, false));
    up.addEventListener('click', () => nudge(name, true));
    const value = element('output', 'value');
    const grad = element('span', 'grad');
    grad.title = `∂L/∂${name}, the analytic gradient`;
    const slider = element('input', 'slider');
    Object.assign(slider, { type: 'range', min: '-5', max: '5', step: '0.01' });
    slider.dataset.param = name;
    slider.setAttribute('aria-label', name);
    const line = element('div', 'param-line');
    line.append(down, value, up);
    box.append(element('span', 'name', name), line, grad, slider);
    return { box, value, grad, slider };
  }

  function build() {
    const names = lab.paramNames();
    const classes = lab.classes;
    const perClass = (names.length - classes) / classes;
    root.replaceChildren();
    root.style.setProperty('--columns', String(perClass + 1));
    cells = [];
    const byName = new Map();
    names.forEach((name, i) => {
      const k = i < perClass * classes ? Math.floor(i / perClass) : i - perClass * classes;
      const c = cell(name, k);
      cells.push(c);
      byName.set(name, c);
    });
    // Row k: W[k,0] … W[k,D−1], b[k].
    for (let k = 0; k < classes; k += 1) {
      for (let l = 0; l < perClass; l += 1) root.append(cells[k * perClass + l].box);
      root.append(cells[perClass * classes + k].box);
    }
    bindParams(root, lab, onChange);
  }

  function update() {
    const theta = lab.theta();
    const grad = lab.gradient();
    cells.forEach((c, i) => {
      c.value.textContent = fixed(theta[i]);
      c.grad.textContent = fixed(grad[i]);
      if (document.activeElement !== c.slider) c.slider.value = String(theta[i]);
    });
  }

  return { build, update };
}
