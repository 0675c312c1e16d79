// The W and b grid of the classifier lab: for every parameter its value, its gradient ∂L/∂θ,
// ▼▲ nudges and a slider. One row per class, coloured like the class; with a feature map (more
// than two weights per class) each class's row is a collapsible group of cells that wrap, each
// cell titled with its feature. The numbers come from the lab; the sliders are ordinary
// data-param controls.
import { attempt, element } from './ui.js';
import { LabView } from './pkg/descent.js';

/** A number with `decimals` decimals, no "-0.00", and 1.2e5 for numbers of 10⁴ and more. */
export function fixed(value, decimals = 2) {
  if (Math.abs(value) >= 1e4) return value.toExponential(1).replace('e+', 'e');
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** A number as the grid and the table show it, in at most six characters so that every cell
 *  holds its number: two decimals below 100, fewer up to 99999, then a mantissa and an
 *  exponent ("-4.4e5", "2e13"). Always a number JavaScript reads back. */
export function compact(value) {
  const size = Math.abs(value);
  if (size < 99.995) return fixed(value);
  if (size < 999.95) return value.toFixed(1);
  if (size < 99999.5) return value.toFixed(0);
  const short = value.toExponential(1).replace('e+', 'e');
  return short.length <= 6 ? short : value.toExponential(0).replace('e+', 'e');
}

/** Builds the grid in `root`; returns { build, update } (build again when the shape changes). */
export function mountGrid(root, lab, onChange) {
  let cells = [];

  const nudge = (name, up) => {
    attempt(() => lab.nudge(name, up));
    onChange(name);
  };

  function cell(name, k, feature) {
    const down = element('button', { class: 'nudge', type: 'button', 'aria-label': `decrease ${name}`, text: '▼' });
    const up = element('button', { class: 'nudge', type: 'button', 'aria-label': `increase ${name}`, text: '▲' });
    down.addEventListener('click', () => nudge(name, false));
    up.addEventListener('click', () => nudge(name, true));
    const value = element('output', { class: 'value' });
    const grad = element('span', { class: 'grad', title: `∂L/∂${name}, the analytic gradient` });
    const slider = element('input', { class: 'slider', type: 'range', min: '-5', max: '5', step: '0.01', 'data-param': name, 'data-view-range': '', 'aria-label': name });
    const line = element('div', { class: 'param-line' }, [down, value, up]);
    const label = element('span', { class: 'name', text: name, title: feature ? `weight of the feature ${feature}` : name });
    const box = element('div', { class: 'param', 'data-name': name }, [label, line, grad, slider]);
    box.style.setProperty('--class', LabView.classColor(k));
    return { box, value, grad, slider };
  }

  function build() {
    const names = lab.paramNames();
    const features = lab.featureNames();
    const classes = lab.classes;
    const perClass = (names.length - classes) / classes;
    const grouped = perClass > 2;
    root.replaceChildren();
    root.classList.toggle('grouped', grouped);
    root.style.setProperty('--columns', String(grouped ? 1 : perClass + 1));
    cells = [];
    names.forEach((name, i) => {
      const weight = i < perClass * classes;
      const k = weight ? Math.floor(i / perClass) : i - perClass * classes;
      cells.push(cell(name, k, weight ? features[i % perClass] : null));
    });
    // Row k: W[k,0] … W[k,F−1], b[k]; grouped, b[k] first, then the weights.
    for (let k = 0; k < classes; k += 1) {
      const row = Array.from({ length: perClass }, (_, l) => cells[k * perClass + l].box);
      const bias = cells[perClass * classes + k].box;
      if (!grouped) {
        root.append(...row, bias);
        continue;
      }
      const summary = element('summary', { text: `class ${k}: b[${k}] and ${perClass} weights` });
      summary.style.setProperty('--class', LabView.classColor(k));
      const group = element('details', { class: 'param-class' }, [summary, element('div', { class: 'param-cells' }, [bias, ...row])]);
      root.append(group);
    }
  }

  function update() {
    const theta = lab.theta();
    const grad = lab.gradient();
    cells.forEach((c, i) => {
      const value = compact(theta[i]);
      c.value.textContent = value;
      // Six characters ("-21.44", "-4.9e5") take a smaller font to fit between the nudges.
      c.value.classList.toggle('long', value.length > 5);
      c.grad.textContent = compact(grad[i]);
      if (document.activeElement !== c.slider) c.slider.value = String(theta[i]);
    });
  }

  return { build, update };
}
