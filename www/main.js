// The page: loads the wasm module, mounts each scene in its section, switches between them
// with the tabs (and the URL hash), and runs one animation-frame loop for the visible scene.
import init, { LabView } from './pkg/descent.js';
import { mountLab } from './lab.js';
import { mountRace } from './race.js';
import { mountRegularization } from './regularization.js';
import { report } from './ui.js';

window.addEventListener('error', (event) => report(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => report(event.reason));

/** Each scene: its section id and how to mount it. */
const SCENES = {
  lab: mountLab,
  race: mountRace,
  regularization: mountRegularization,
};

async function main() {
  await init();
  const scenes = {};
  for (const [id, mount] of Object.entries(SCENES)) {
    scenes[id] = mount(document.getElementById(id));
  }
  // The handles, for the browser tests and the curious at the console.
  window.descent = { lab: scenes.lab.handle, regionColor: LabView.regionColor, scenes };

  const tabs = [...document.querySelectorAll('[role="tab"]')];
  let active = null;
  const select = (id) => {
    if (!(id in scenes)) {
      if (id) report(new Error(`There is no view "${id}"; showing the classifier lab.`));
      id = 'lab';
    }
    active = id;
    for (const tab of tabs) tab.setAttribute('aria-selected', String(tab.dataset.scene === id));
    for (const sceneId of Object.keys(scenes)) document.getElementById(sceneId).hidden = sceneId !== id;
    scenes[id].redraw();
  };
  for (const tab of tabs) tab.addEventListener('click', () => (location.hash = tab.dataset.scene));
  window.addEventListener('hashchange', () => select(location.hash.slice(1)));
  select(location.hash.slice(1));

  const loop = (now) => {
    try {
      scenes[active].frame(now);
    } catch (error) {
      report(error);
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  document.body.dataset.ready = 'true';
}

main().catch(report);
