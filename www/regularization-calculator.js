// The loss calculator: editable scores f(x, W) per class and example, with every step of the
// SVM and softmax losses written out. The table is rebuilt when its size changes; the view's
// settings table names its cells and gives the true-class menus their options.
import { CalculatorView } from './pkg/descent.js';
import { element, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Mounts the loss calculator in its panel; returns its handle and redraw. */
export function mountCalculator(root) {
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt } = rebuildable(() => new CalculatorView());
  const table = root.querySelector('#calculator-table');
  const steps = root.querySelector('#calculator-steps');
  let shape = '';
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
            element('input', { type: 'number', 'data-param': `score.${k}.${i}`, 'aria-label': `score of class ${k + 1} for example ${i + 1}` }),
          ]),
        );
      }
      body.append(row);
    }
    const labels = element('tr', { class: 'labels' }, [element('th', { text: 'true class' })]);
    for (let i = 0; i < view.examples; i += 1) {
      labels.append(element('td', {}, [element('select', { 'data-param': `label.${i}`, 'aria-label': `true class of example ${i + 1}` })]));
    }
    body.append(labels);
    const foot = element('tfoot');
    for (const [kind, label] of [['svm', 'SVM loss'], ['softmax', 'softmax loss']]) {
      const row = element('tr', { class: `losses ${kind}` }, [element('th', { text: label })]);
      for (let i = 0; i < view.examples; i += 1) row.append(element('td', { 'data-example': String(i) }));
      foot.append(row);
    }
    table.append(body, foot);
    shape = layout();
  };
  // The table's layout: its size.
  const layout = () => `${view.classes}×${view.examples}`;
  const show = () => {
    if (shape !== layout()) {
      build();
      // The new cells show what the view has.
      settings.all();
    }
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
  // Dimensions change the table itself; every edit changes the losses.
  build();
  const settings = bindSettings(root, view, show);
  show();
  return { handle: view, redraw: show, rebuild, halt };
}
