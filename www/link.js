// Shareable links. The address's hash names the scene (and the regularization scene's view)
// and the settings that differ from a freshly opened page's: #lab?loss=softmax&lambda=0.01,
// #race?preset=saddle, #regularization/landscape?seed=3. Rust makes and reads them (each
// scene's link(), applyLink() and linkOmits(); parseLink and linkAddress); this file opens
// the address when the page loads or the hash changes, keeps the address in step with the
// state (replaceState, once the state has been still for FOLLOW_MS), and copies the link.
import { linkAddress, parseLink } from './pkg/descent.js';
import { clearNotice, fail, report } from './ui.js';
import { refreshSettings } from './settings.js';
import { onPresentChange, setPresenting, takePresent, withPresent } from './present.js';
import { readStored, writeStored } from './storage.js';

/** The address follows the state once it has been still this long (milliseconds): no
 *  history entry, and no link made, per slider tick (making one replays settings on a fresh
 *  scene: tens of milliseconds for the largest datasets). */
const FOLLOW_MS = 250;
/** How long "Link copied" stays (milliseconds). */
const STATUS_MS = 4000;
/** The stored state follows the page once it has been still this long (milliseconds): it
 *  makes every scene's link. */
const SAVE_MS = 1000;

/** Whether a link to a scene must carry the lab's state too (`lab=…`, the lab's own link,
 *  encoded): the views that show the lab's model (the race's classifier slice, the
 *  landscape) show the sender's only if the lab is the sender's. */
function showsLab(at, query) {
  if (at.scene === 'race') return /(^|&)surface=classifier(&|$)/.test(query);
  return at.scene === 'regularization' && at.view === 'landscape';
}

/** A link's query split into the lab's part (`lab=…`, decoded once, or null) and the rest. */
function splitLab(query) {
  const parts = query.split('&');
  const lab = parts.find((part) => part.startsWith('lab='));
  const rest = parts.filter((part) => !part.startsWith('lab=')).join('&');
  if (lab === undefined) return { lab: null, rest };
  try {
    return { lab: decodeURIComponent(lab.slice(4)), rest };
  } catch {
    return { lab: lab.slice(4), rest };
  }
}

/** A scene's views: the names of its handle's parts that make links (the regularization
 *  scene's), or none when the handle makes links itself; a scene not yet built names them
 *  without being built (lazy-scene.js). */
function viewsOf(scene) {
  if (scene.built === false) return scene.views;
  const { handle } = scene;
  if (typeof handle.link === 'function') return [];
  return Object.keys(handle).filter((name) => typeof handle[name]?.link === 'function');
}

/** The label the page shows for a scene (its tab) or a view (its button). */
function label(selector, fallback) {
  return document.querySelector(selector)?.textContent.trim() || fallback;
}

/** Copies text to the clipboard: the Clipboard API where the page may use it (https,
 *  localhost), else a selected text area and the copy command (a classroom's http address). */
async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Not allowed here: try the old way.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser did not allow it');
}

/**
 * Opens the address's link, follows the hash and the state from then on, and wires the Copy
 * link button. `select(id)` shows a scene; `broken(id)` says a scene hit an internal error
 * (its state is not asked for until it is rebuilt). `page` handles the page-level settings
 * that ride in the hash beside the scene's (the tour's step, `tour=7`): `page.open(hash)`
 * takes them out of an address being opened and returns `{ hash, messages }` (the address
 * left to open and any refusals), `page.params()` gives them back ('tour=7' or '') for the
 * address written. Returns `go(id)`, which shows a scene through the address (a tab click:
 * one history entry per scene change, as before), `reopen(id)`, which opens a scene's last
 * address again (a rebuilt scene returns to it), `open(hash)`, which opens an address as if
 * it were pasted (the tour's steps), and `write()`, which puts the state in the address now.
 */
export function followLinks(scenes, select, { broken = () => false, page = null } = {}) {
  const copyButton = document.getElementById('copy-link');
  const status = document.getElementById('link-status');
  let place = { scene: 'lab', view: null };
  let written = null;
  // The address the bar had when a link was last opened: with `written`, what the page knows;
  // any other is a link put in the bar that its hashchange has yet to open.
  let known = null;
  // Each scene's last address written: the state a rebuilt scene returns to.
  const lastGood = {};
  let timer = 0;
  let statusTimer = 0;

  const target = ({ scene, view }) => (view ? scenes[scene].handle[view] : scenes[scene].handle);
  /** The view a scene shows now (its pressed view button), or its first. */
  const shownView = (scene) => {
    const views = viewsOf(scenes[scene]);
    if (views.length === 0) return null;
    const pressed = document.getElementById(scene)?.querySelector('[data-view][aria-pressed="true"]')?.dataset.view;
    return views.includes(pressed) ? pressed : views[0];
  };
  const current = () => ({ scene: place.scene, view: shownView(place.scene) });
  /** Every scene and view that makes links. */
  const everyPlace = () =>
    Object.keys(scenes).flatMap((scene) => {
      const views = viewsOf(scenes[scene]);
      return views.length ? views.map((view) => ({ scene, view })) : [{ scene, view: null }];
    });
  const keyOf = (at) => (at.view ? `${at.scene}/${at.view}` : at.scene);
  const addressOf = (at) => {
    let query = target(at).link();
    if (at.scene !== 'lab' && showsLab(at, query)) {
      const lab = scenes.lab.handle.link();
      if (lab) query = `${query ? `${query}&` : ''}lab=${encodeURIComponent(lab)}`;
    }
    // Presenter mode and the tour's step are the page's, not a scene's: they ride along in
    // every address (`present=1`, `tour=7`).
    const address = withPresent(linkAddress(at.scene, at.view ?? '', query));
    const extra = page?.params() ?? '';
    return extra ? `${address}${address.includes('?') ? '&' : '?'}${extra}` : address;
  };

  /** The page's state: every scene's link query by place, and the address shown. */
  const snapshot = () => {
    const links = {};
    // A scene not built yet is at its defaults: its link query is empty.
    for (const at of everyPlace()) if (!broken(at.scene)) links[keyOf(at)] = scenes[at.scene].built === false ? '' : target(at).link();
    return { links, at: broken(place.scene) ? `#${place.scene}` : addressOf(current()) };
  };
  /** Stores every scene's state (their links) and the address shown. */
  let saveTimer = 0;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = 0;
    try {
      const { links, at } = snapshot();
      writeStored(links, at, location.hash);
    } catch (error) {
      fail(error);
    }
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => (playing() ? scheduleSave() : save()), SAVE_MS);
  };

  /** Whether the scene shown is playing (or finishing a Step): its state is not still, and making its link (a
   *  replay on a fresh scene: hundreds of milliseconds at 100,000 points) would cost frames.
   *  The address and the saved state follow once it pauses (or the page is hidden). */
  const playing = () => {
    const handle = scenes[place.scene]?.handle;
    return Boolean(handle && !broken(place.scene) && (handle.running === true || handle.stepping === true || handle.playing === true));
  };

  /** Puts the current state in the address without a history entry. */
  const follow = () => {
    clearTimeout(timer);
    timer = 0;
    if (broken(place.scene)) return;
    if (playing()) {
      schedule();
      return;
    }
    // A link put in the bar a moment ago is the hashchange's to open, not to be written over.
    if (location.hash !== written && location.hash !== known) return;
    try {
      const hash = addressOf(current());
      if (hash !== location.hash) history.replaceState(history.state, '', hash);
      written = hash;
      lastGood[place.scene] = hash;
    } catch (error) {
      fail(error);
    }
    scheduleSave();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(follow, FOLLOW_MS);
  };

  /** Shows a scene and view without applying anything. */
  const show = (at) => {
    select(at.scene);
    if (at.view) scenes[at.scene].handle.select(at.view);
    place = at;
  };

  /** Opens a link: the scene and view it names (or the defaults, with a message), then every
   *  setting that can be applied; one notice names whatever was not. A failure of the page
   *  itself is reported, never thrown: the page stays usable. */
  const open = (hash) => {
    known = location.hash;
    try {
      openLink(hash);
    } catch (error) {
      fail(error);
    }
    // A hash names a scene's section, which the browser would scroll to, hiding the tabs
    // and Copy link above it: every scene starts at the top of the page.
    window.scrollTo(0, 0);
  };
  const openLink = (address) => {
    // A link that says present=1 (or 0) switches presenter mode; one that does not leaves it.
    const [unpresented, present] = takePresent(address);
    if (present !== null) setPresenting(present);
    const opened = page ? page.open(unpresented) : { hash: unpresented, messages: [] };
    const link = parseLink(opened.hash);
    const messages = [...opened.messages];
    const ignored = link.settings ? ` (this link's settings ${link.settings} were not applied)` : '';
    let scene = link.scene || 'lab';
    let apply = true;
    if (!Object.hasOwn(scenes, scene)) {
      const fallback = label('[role="tab"][data-scene="lab"]', 'Classifier lab').toLowerCase();
      messages.push(`There is no scene "${link.scene}"${ignored}; showing the ${fallback}.`);
      scene = 'lab';
      apply = false;
    }
    const views = viewsOf(scenes[scene]);
    let view = views.length ? views[0] : null;
    if (apply && link.view) {
      const sceneLabel = label(`[role="tab"][data-scene="${scene}"]`, scene);
      if (views.includes(link.view)) {
        view = link.view;
      } else if (views.length) {
        const shown = label(`#${scene} [data-view="${view}"]`, view);
        messages.push(`The ${sceneLabel} tab has no view "${link.view}"${ignored}; showing “${shown}”.`);
        apply = false;
      } else {
        messages.push(`The ${sceneLabel} tab has no views: "/${link.view}" in the link was ignored.`);
      }
    }
    // The lab's state first, when the link carries it: the race and the landscape then take
    // the sender's model.
    const { lab, rest } = splitLab(link.query);
    if (apply && lab !== null && scene !== 'lab') {
      const notice = scenes.lab.handle.applyLink(lab);
      if (notice) messages.push(notice);
      refreshSettings(document.getElementById('lab'));
    }
    // Shown first: the race and the landscape take the lab's model when shown, and a link may
    // name parameters of it.
    show({ scene, view });
    if (apply && rest) {
      const notice = target(place).applyLink(rest);
      if (notice) messages.push(notice);
      const section = document.getElementById(scene);
      const within = (view && section.querySelector(`.subview[data-view="${view}"]`)) || section;
      refreshSettings(within);
      scenes[scene].redraw();
    }
    if (messages.length) report(messages.join(' '));
    else clearNotice();
    follow();
  };

  // A hash this file wrote is shown already; any other (a link pasted into the address bar,
  // Back and Forward) is opened.
  window.addEventListener('hashchange', () => {
    if (location.hash !== written) open(location.hash);
  });
  for (const type of ['input', 'change', 'click', 'pointerup', 'keyup']) document.addEventListener(type, schedule, true);
  onPresentChange(schedule);

  copyButton.addEventListener('click', async () => {
    follow();
    const omitted = target(current()).linkOmits();
    try {
      await copyText(location.href);
      status.textContent = omitted ? `Link copied. It does not carry ${omitted}.` : 'Link copied.';
    } catch (error) {
      report(new Error(`The link could not be copied (${error.message}): copy it from the address bar.`));
      status.textContent = '';
    }
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => (status.textContent = ''), STATUS_MS);
  });

  /** Brings every scene to the state's link queries (`{links: {place: query}}`, the places
   *  it names; a place it leaves out is brought to its defaults when `all`) and returns the
   *  notices of settings refused, each naming its scene. */
  const restore = (state, what, all = false) => {
    const notices = [];
    for (const at of everyPlace()) {
      const query = state.links?.[keyOf(at)];
      // A place at its defaults needs nothing (unless every place is being set).
      if (!query && !all) continue;
      show(at);
      const firstPreset = at.scene === 'race' ? document.querySelector('#race [data-param="preset"] option')?.value : null;
      const notice = target(at).applyLink(query ?? (firstPreset ? `preset=${encodeURIComponent(firstPreset)}` : ''));
      if (notice) notices.push(`${what} of the ${label(`[role="tab"][data-scene="${at.scene}"]`, at.scene).toLowerCase()}: ${notice}`);
      const section = document.getElementById(at.scene);
      refreshSettings((at.view && section.querySelector(`.subview[data-view="${at.view}"]`)) || section);
    }
    return notices;
  };

  // The stored state of every scene, then the address's link, which wins where they differ.
  const stored = readStored();
  const opening = [];
  if (stored.error) opening.push(stored.error);
  try {
    opening.push(...restore(stored, 'The saved state'));
  } catch (error) {
    fail(error);
  }
  // The address bar follows the state FOLLOW_MS after a change, so a reload right after one
  // finds it a step behind what was saved: an address that is still the one the page showed
  // when it saved opens the saved state's address; any other (a link followed) wins.
  const reloaded = Boolean(stored.at) && location.hash === (stored.bar ?? null);
  open(reloaded ? stored.at : location.hash || stored.at || '');
  if (opening.length) report(opening.join(' '));
  // A reload or a closed tab keeps the latest state, training's progress included.
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });

  /** Brings the scene shown back to a freshly opened page's state (the race to its first
   *  preset). */
  document.getElementById('reset-scene')?.addEventListener('click', () => {
    const at = current();
    const firstPreset = at.scene === 'race' ? document.querySelector('#race [data-param="preset"] option')?.value : null;
    try {
      const notice = target(at).applyLink(firstPreset ? `preset=${encodeURIComponent(firstPreset)}` : '');
      if (notice) report(notice);
      else clearNotice();
      const section = document.getElementById(at.scene);
      refreshSettings((at.view && section.querySelector(`.subview[data-view="${at.view}"]`)) || section);
      scenes[at.scene].redraw();
    } catch (error) {
      fail(error);
    }
    follow();
    save();
  });

  // The browser scrolls to the opening link's anchor as the page finishes loading.
  window.addEventListener('load', () => window.scrollTo(0, 0), { once: true });
  return {
    /** The page's state: `{links: {place: query}, at}` (see storage.js). */
    snapshot,
    /** Brings the whole page to a state `snapshot` gave (every scene; those it leaves out to
     *  their defaults) and shows its address; returns the notices of refused settings. */
    applyState(state, what) {
      const notices = restore(state, what, true);
      open(state.at);
      save();
      return notices;
    },
    /** Opens a scene's last address again (a rebuilt scene returns to it). */
    reopen: (scene) => open(lastGood[scene] ?? `#${scene}`),
    open,
    write: follow,
    go(scene) {
      const at = { scene, view: shownView(scene) };
      show(at);
      // A stopped scene has no address to give until it is rebuilt.
      if (broken(scene)) return;
      written = addressOf(at);
      // pushState, not location.hash: a history entry for Back without the jump to the
      // section's anchor.
      if (location.hash !== written) history.pushState(history.state, '', written);
    },
  };
}
