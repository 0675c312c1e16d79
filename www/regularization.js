// The regularization scene: six views, one file each (regularization-<view>.js), each a wasm
// object that owns its state and does its math. This file mounts them in their panels and
// switches between them with the view buttons.
import { mountWeights } from './regularization-weights.js';
import { mountPreferences } from './regularization-preferences.js';
import { mountSimpler } from './regularization-simpler.js';
import { mountLandscape } from './regularization-landscape.js';
import { mountGradient } from './regularization-gradient.js';
import { mountCalculator } from './regularization-calculator.js';

const VIEWS = {
  weights: mountWeights,
  preferences: mountPreferences,
  simpler: mountSimpler,
  landscape: mountLandscape,
  gradient: mountGradient,
  calculator: mountCalculator,
};
/** The scene's views, the first shown when a link names none. */
export const REGULARIZATION_VIEWS = Object.keys(VIEWS);

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
    /** Stops the view shown after an internal error (the one that hit it): its handle refuses
     *  with `why` until it is rebuilt. */
    halt: (why) => views[active].halt(why),
    /** A fresh view in place of the one that hit an internal error (the page then reopens the
     *  scene's link, which names the view and its settings); the other views are untouched. */
    rebuild() {
      views[active].rebuild();
      views[active].redraw();
    },
  };
}
