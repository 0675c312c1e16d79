// The preferences view: two weight vectors with the same score on x, and which of them each
// penalty (L2, L1, elastic net) prefers. Its table of inputs is built here; the view scores them.
import { PreferencesView } from './pkg/descent.js';
import { element, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Mounts the preferences view in its panel; returns its handle and redraw. */
export function mountPreferences(root) {
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt } = rebuildable(() => new PreferencesView());
  const inputs = root.querySelector('#preferences-inputs');
  for (const [row, label] of [['x', 'x'], ['w1', 'w₁'], ['w2', 'w₂']]) {
    const cells = [0, 1, 2, 3].map((l) =>
      element('td', {}, [element('input', { type: 'number', 'data-param': `${row}.${l}`, 'aria-label': `${label}[${l}]` })]),
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
  bindSettings(root, view, show);
  return { handle: view, redraw: show, rebuild, halt };
}
