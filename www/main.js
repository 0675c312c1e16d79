// The page: loads the wasm module, mounts each scene in its section, switches between them
// with the tabs (and the URL hash), and runs one animation-frame loop for the visible scene.
import init, { LabView } from './pkg/descent.js';
import { mountLab } from './lab.js';
import { mountRace } from './race.js';
import { REGULARIZATION_VIEWS, mountRegularization } from './regularization.js';
import { lazyScene } from './lazy-scene.js';
import { followLinks } from './link.js';
import { mountExports } from './export.js';
import { createTour, tourPanel } from './tour.js';
import { element, fail } from './ui.js';
import { mountPresenter } from './present.js';
import { mountKeys } from './keys.js';

window.addEventListener('error', (event) => fail(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => fail(event.reason));
// The settings forms are never sent anywhere (Enter in a field would submit one): the page
// keeps no inline handler, for its Content-Security-Policy, and CSP's form-action is 'none'.
document.addEventListener('submit', (event) => event.preventDefault());

async function main() {
  await init();
  // Each scene mounts in the section of its id and is given what it uses of the others: the
  // race's classifier slice and the landscape view cut through the lab's model. The race and
  // the regularization views are built when first used (lazy-scene.js): a page opened on the
  // lab draws its first frame without them.
  const section = (id) => document.getElementById(id);
  const lab = mountLab(section('lab'));
  const scenes = {
    lab,
    race: lazyScene(() => mountRace(section('race'), { lab: lab.handle })),
    regularization: lazyScene(() => mountRegularization(section('regularization'), { lab: lab.handle }), REGULARIZATION_VIEWS),
  };
  // The handles, for the browser tests and the curious at the console (no scene reads them).
  window.descent = { lab: lab.handle, regionColor: LabView.regionColor, scenes };

  const tabs = [...document.querySelectorAll('[role="tab"]')];
  let active = null;
  // A scene that hit an internal error (a panic in wasm) stops: its frame loop and its link
  // wait until it is rebuilt; the other scenes keep working.
  const broken = new Set();
  // Shows a scene (link.js has checked the name).
  const select = (id) => {
    active = id;
    for (const tab of tabs) {
      tab.setAttribute('aria-selected', String(tab.dataset.scene === id));
      // The tab bar is one stop for Tab; its arrows move between the tabs (keys.js).
      tab.tabIndex = tab.dataset.scene === id ? 0 : -1;
    }
    for (const sceneId of Object.keys(scenes)) document.getElementById(sceneId).hidden = sceneId !== id;
    scenes[id].redraw();
  };
  // The address names the scene and its settings (link.js): it opens the link, follows the
  // hash, and a tab click changes the scene through the address.
  // Presenter mode redraws the shown scene at its new size and drawing scale.
  mountPresenter(() => active && !broken.has(active) && scenes[active].redraw());
  // The tour's step (tour=7) rides in the address beside the scene's settings.
  const panel = tourPanel();
  document.body.append(panel);
  const tour = createTour(panel, document.getElementById('tour-button'));
  const links = followLinks(scenes, select, { broken: (id) => broken.has(id), page: tour.page });
  tour.attach(links);
  mountKeys();
  for (const tab of tabs) tab.addEventListener('click', () => links.go(tab.dataset.scene));
  mountExports(scenes, links);

  /** Stops the active scene after a panic and says so, with the one button that rebuilds it
   *  from its link without a reload. */
  const stop = (error) => {
    const id = active;
    if (broken.has(id)) return;
    broken.add(id);
    console.error(error);
    const name = document.querySelector(`[role="tab"][data-scene="${id}"]`)?.textContent.trim() ?? id;
    scenes[id].halt?.(`the ${name.toLowerCase()} stopped after an internal error: rebuild it first`);
    // Its controls are out of reach until then; the message's button is the way back.
    const section = document.getElementById(id);
    const parts = [...section.children];
    for (const part of parts) part.inert = true;
    const button = element('button', { type: 'button', class: 'primary', text: `Rebuild the ${name.toLowerCase()}` });
    const banner = element('div', { class: 'crash', role: 'alert' }, [
      element('p', {
        text: `The ${name.toLowerCase()} hit an internal error and stopped. Nothing you did caused it, and the other scenes keep working. Rebuilding it brings it back as its link describes it.`,
      }),
      button,
    ]);
    button.addEventListener('click', () => {
      if (typeof scenes[id].rebuild !== 'function') {
        location.reload();
        return;
      }
      scenes[id].rebuild();
      broken.delete(id);
      banner.remove();
      for (const part of parts) part.inert = false;
      links.reopen(id);
    });
    section.prepend(banner);
    button.focus();
  };
  window.addEventListener('descent:panic', (event) => stop(event.detail));

  const loop = (now) => {
    try {
      if (!broken.has(active)) scenes[active].frame(now);
    } catch (error) {
      fail(error);
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  document.body.dataset.ready = 'true';
}

main().catch(fail);
