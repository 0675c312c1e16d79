// The regularization scene's glue: six views, each a wasm object that owns its state and
// does its math; this file builds their controls, forwards edits, draws on demand and copies
// the core's formatted numbers into the page.
import {
  CalculatorView,
  LandscapeView,
  NumericGradientView,
  PreferencesView,
  SimplerView,
  WeightSpaceView,
} from './pkg/descent.js';
import { attempt, bindParams, devicePoint, element, fitCanvases } from './ui.js';

/** Forwards pointer presses and drags on a canvas (in device pixels) to a view; `onRelease`
 *  redraws once the drag ends. */
function draggable(canvas, view, draw, onMove, onRelease) {
  canvas.addEventListener('pointerdown', (event) => {
    if (view.press(...devicePoint(canvas, event))) {
      canvas.setPointerCapture(event.pointerId);
      draw();
    }
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!canvas.hasPointerCapture(event.pointerId)) return;
    if (attempt(() => view.drag(...devicePoint(canvas, event)))) onMove();
  });
  const release = (event) => {
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    view.release();
    onRelease();
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

function mountWeights(root) {
  const canvas = root.querySelector('#weights-canvas');
  const chart = root.querySelector('#weights-chart');
  const view = new WeightSpaceView(canvas, chart);
  const $ = (id) => root.querySelector(`#${id}`);
  const show = () => {
    $('weights-lambda').textContent = view.lambdaText;
    $('weights-w1').textContent = view.weightText(0);
    $('weights-w2').textContent = view.weightText(1);
    const [data, penalty, total] = view.lossTexts;
    $('weights-data').textContent = data;
    $('weights-penalty').textContent = penalty;
    $('weights-total').textContent = total;
    $('weights-crossing-0').textContent = view.crossingText(0);
    $('weights-crossing-1').textContent = view.crossingText(1);
  };
  const draw = () => {
    view.render();
    show();
  };
  bindParams(root, view, draw);
  const fit = fitCanvases(
    [
      [canvas, (...size) => view.resize(...size)],
      [chart, (...size) => view.resizeChart(...size)],
    ],
    draw,
  );
  return { handle: view, redraw: fit };
}

function mountPreferences(root) {
  const view = new PreferencesView();
  const inputs = root.querySelector('#preferences-inputs');
  for (const [row, label] of [['x', 'x'], ['w1', 'w₁'], ['w2', 'w₂']]) {
    const cells = [0, 1, 2, 3].map((l) =>
      element('td', {}, [element('input', { type: 'number', step: '0.05', 'data-param': `${row}.${l}`, 'aria-label': `${label}[${l}]` })]),
    );
    inputs.append(element('tr', {}, [element('th', { text: label }), ...cells]));
  }
  const kinds = ['l2', 'l1', 'elastic-net'];
  const show = () => {
    for (const which of [0, 1]) {
      root.querySelector(`#pref-score-${which}`).textContent = view.scoreText(which);
      for (const kind of kinds) {
        const cell = root.querySelector(`#pref-${kind}-${which}`);
        cell.textContent = view.penaltyText(which, kind);
        cell.classList.toggle('preferred', view.preferred(kind) === which + 1);
      }
    }
    for (const kind of kinds) root.querySelector(`#pref-verdict-${kind}`).textContent = view.verdict(kind);
    root.querySelector('#pref-same').hidden = view.sameScore;
  };
  bindParams(root, view, show);
  return { handle: view, redraw: show };
}

function mountSimpler(root) {
  const canvas = root.querySelector('#simpler-canvas');
  const chart = root.querySelector('#simpler-chart');
  const view = new SimplerView(canvas, chart);
  const $ = (id) => root.querySelector(`#${id}`);
  const show = () => {
    $('simpler-lambda').textContent = view.lambdaText;
    $('simpler-train').textContent = view.trainErrorText;
    $('simpler-test').textContent = view.testErrorText;
    $('simpler-penalty').textContent = view.penaltyText;
  };
  const drawFit = () => {
    view.render();
    show();
  };
  const draw = () => {
    drawFit();
    view.renderChart();
  };
  bindParams(root, view, draw);
  draggable(canvas, view, drawFit, drawFit, draw);
  const fit = fitCanvases(
    [
      [canvas, (...size) => view.resize(...size)],
      [chart, (...size) => view.resizeChart(...size)],
    ],
    draw,
  );
  return { handle: view, redraw: fit };
}

function mountLandscape(root, { lab }) {
  const canvas = root.querySelector('#landscape-canvas');
  const view = new LandscapeView(canvas);
  const $ = (id) => root.querySelector(`#${id}`);
  const fillAxes = () => {
    for (const select of [$('landscape-axis1'), $('landscape-axis2')]) {
      select.replaceChildren(...view.paramNames.map((name) => element('option', { value: name, text: name })));
    }
  };
  const show = () => {
    $('landscape-range').textContent = view.rangeText;
    $('landscape-center').textContent = view.centerValueText;
    const [low, high] = view.rangeTexts;
    $('landscape-low').textContent = low;
    $('landscape-high').textContent = high;
    const n = view.resolution;
    $('landscape-resolution').textContent = n === 0 ? '…' : `${n} × ${n}${view.complete ? '' : ' …'}`;
    const [first, second] = view.axisNames;
    $('landscape-axes').textContent = `Horizontal: ${first}; vertical: ${second}. The white line is the optimizer's trajectory, projected onto the plane; the orange dot is θ.`;
    for (const label of root.querySelectorAll('label.axis')) label.hidden = view.get('directions') !== 'axes';
  };
  const draw = () => {
    view.render();
    show();
  };
  // The plane goes through the lab's current model.
  const sync = () => {
    const snapshot = lab.snapshot();
    try {
      if (view.sync(snapshot)) fillAxes();
    } finally {
      snapshot.free();
    }
  };
  fillAxes();
  const refresh = bindParams(root, view, draw);
  const fit = fitCanvases([[canvas, (...size) => view.resize(...size)]], draw);
  return {
    handle: view,
    redraw: () => {
      sync();
      refresh();
      fit();
    },
    frame: () => {
      if (view.frame()) show();
    },
  };
}

function mountGradient(root) {
  const view = new NumericGradientView();
  const rows = root.querySelector('#gradient-rows');
  for (let k = 0; k < view.parameters; k += 1) {
    rows.append(
      element('tr', { 'data-entry': String(k) }, [
        element('th', { text: view.paramName(k) }),
        element('td', {}, [element('input', { type: 'number', step: '0.01', 'data-param': `w.${k}`, 'aria-label': view.paramName(k) })]),
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
  bindParams(root, view, show);
  const buttons = { 'gradient-step': 'step', 'gradient-back': 'back', 'gradient-all': 'fillAll', 'gradient-reset': 'reset' };
  for (const [id, method] of Object.entries(buttons)) {
    root.querySelector(`#${id}`).addEventListener('click', () => {
      view[method]();
      show();
    });
  }
  return { handle: view, redraw: show };
}

function mountCalculator(root) {
  const view = new CalculatorView();
  const table = root.querySelector('#calculator-table');
  const steps = root.querySelector('#calculator-steps');
  let shape = '';
  let refreshTable = () => {};
  const build = () => {
    table.replaceChildren();
    const head = element('tr', {}, [element('th', { text: 'scores' })]);
    for (let i = 0; i < view.examples; i += 1) head.append(element('th', { text: `example ${i + 1}` }));
    table.append(element('thead', {}, [head]));
    const body = element('tbody');
    for (let k = 0; k < view.classes; k += 1) {
      const row = element('tr', {}, [
        element('th', {}, [element('input', { type: 'text', 'data-param': `class.${k}`, 'aria-label': `class ${k + 1} name`, class: 'name' })]),
      ]);
      for (let i = 0; i < view.examples; i += 1) {
        row.append(
          element('td', {}, [
            element('input', { type: 'number', step: '0.1', 'data-param': `score.${k}.${i}`, 'aria-label': `score of class ${k + 1} for example ${i + 1}` }),
          ]),
        );
      }
      body.append(row);
    }
    const labels = element('tr', { class: 'labels' }, [element('th', { text: 'true class' })]);
    for (let i = 0; i < view.examples; i += 1) {
      const select = element('select', { 'data-param': `label.${i}`, 'aria-label': `true class of example ${i + 1}` });
      for (let k = 0; k < view.classes; k += 1) select.append(element('option', { value: String(k), text: view.get(`class.${k}`) }));
      labels.append(element('td', {}, [select]));
    }
    body.append(labels);
    const foot = element('tfoot');
    for (const [kind, label] of [['svm', 'SVM loss'], ['softmax', 'softmax loss']]) {
      const row = element('tr', { class: `losses ${kind}` }, [element('th', { text: label })]);
      for (let i = 0; i < view.examples; i += 1) row.append(element('td', { 'data-example': String(i) }));
      foot.append(row);
    }
    table.append(body, foot);
    refreshTable = bindParams(table, view, changed);
    shape = layout();
  };
  // The table's layout: its size and the class names the label menus list.
  const layout = () => {
    const names = Array.from({ length: view.classes }, (_, k) => view.get(`class.${k}`));
    return `${view.examples}:${names.join('\u0000')}`;
  };
  const show = () => {
    if (shape !== layout()) build();
    refreshTable();
    for (const cell of table.querySelectorAll('tr.svm td')) cell.textContent = view.svmLossText(Number(cell.dataset.example));
    for (const cell of table.querySelectorAll('tr.softmax td')) cell.textContent = view.softmaxLossText(Number(cell.dataset.example));
    steps.replaceChildren();
    for (let i = 0; i < view.examples; i += 1) {
      const name = view.get(`class.${view.get(`label.${i}`)}`);
      const block = element('section', { class: 'example', 'data-example': String(i) }, [element('h3', { text: `Example ${i + 1} (true class: ${name})` })]);
      for (const [kind, label, lines] of [['svm', 'SVM', view.svmSteps(i)], ['softmax', 'Softmax', view.softmaxSteps(i)]]) {
        block.append(element('p', { class: `expression ${kind}` }, [element('strong', { text: `${label}: ` }), ...lines.map((line) => element('span', { text: line }))]));
      }
      steps.append(block);
    }
    steps.append(
      element('p', { class: 'expression mean svm' }, [element('strong', { text: 'Mean SVM loss L = ' }), element('span', { text: view.meanSvmSteps })]),
      element('p', { class: 'expression mean softmax' }, [element('strong', { text: 'Mean softmax loss L = ' }), element('span', { text: view.meanSoftmaxSteps })]),
    );
  };
  // Names and dimensions change the table itself; every edit changes the losses.
  const changed = () => show();
  const controls = root.querySelector('.controls');
  bindParams(controls, view, changed);
  show();
  return { handle: view, redraw: show };
}

const VIEWS = {
  weights: mountWeights,
  preferences: mountPreferences,
  simpler: mountSimpler,
  landscape: mountLandscape,
  gradient: mountGradient,
  calculator: mountCalculator,
};

/** Mounts the scene in its section; `scenes` holds what its views use of the other scenes
 *  ({ lab }: the landscape slices the classifier lab's model). Returns the scene's hooks for
 *  the page's frame loop. */
export function mountRegularization(root, scenes) {
  const views = {};
  for (const [name, mount] of Object.entries(VIEWS)) {
    views[name] = mount(root.querySelector(`.subview[data-view="${name}"]`), scenes);
  }
  const buttons = [...root.querySelectorAll('.subviews button')];
  let active = 'weights';
  const select = (name) => {
    active = name;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.view === name));
    for (const panel of root.querySelectorAll('.subview')) panel.hidden = panel.dataset.view !== name;
    views[name]?.redraw();
  };
  for (const button of buttons) button.addEventListener('click', () => select(button.dataset.view));
  const handle = Object.fromEntries(Object.entries(views).map(([name, view]) => [name, view.handle]));
  handle.select = select;
  return {
    handle,
    redraw: () => views[active]?.redraw(),
    frame: (now) => views[active]?.frame?.(now),
  };
}
