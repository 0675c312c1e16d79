// The optimizer race's glue: builds the racer rows from their template, binds the panel to
// the race's settings table (settings.js: ranges, options, values and which settings apply
// all come from Rust), shows the caption, claim and leaderboard, and forwards clicks and drags
// on the canvas. No math: Rust holds the race.
import { RaceView } from './pkg/descent.js';
import { devicePoint, element, fitCanvases, guarded, rebuildable, report } from './ui.js';
import { bindSettings } from './settings.js';

/** Creates one row per racer slot from the template, its controls named racer<k>.<field>. */
function buildRacerRows(root) {
  const template = root.querySelector('#race-racer-row');
  const body = root.querySelector('#race-racers');
  for (let k = 0; k < RaceView.racerCount(); k += 1) {
    const row = template.content.firstElementChild.cloneNode(true);
    row.dataset.racer = String(k);
    // The racer's settings the template does not place (the later schedules' settings) get
    // their controls in its own-schedule line.
    row.querySelector('.race-own-schedule').dataset.unplaced = `racer${k}.`;
    for (const control of row.querySelectorAll('[data-field]')) {
      control.dataset.param = `racer${k}.${control.dataset.field}`;
      control.id = `race-racer${k}-${control.dataset.field}`;
    }
    for (const place of row.querySelectorAll('[data-detail-field]')) place.dataset.detail = `racer${k}.${place.dataset.detailField}`;
    row.setAttribute('aria-label', `racer ${k + 1}`);
    row.setAttribute('role', 'group');
    body.append(row);
  }
}

/** The racer rows. */
const racerRows = (root) => root.querySelectorAll('#race-racers .race-racer');

/** Adds "custom" to the preset menu, disabled: what the menu reads once a setting changed
 *  since the preset was loaded (the table lists only the presets that can be loaded). */
function addCustomPreset(select) {
  const custom = new Option('custom', 'custom');
  custom.disabled = true;
  select.add(custom);
}

/** Writes the leaderboard rows (text only). */
function showLeaderboard(body, rows) {
  const format = (x) => (Number.isFinite(x) ? x.toExponential(3) : String(x));
  // A racer whose loss keeps far above its start still runs, but is marked.
  const lines = rows.map((r) => [r.color, r.label, r.reached ?? '—', format(r.loss), format(r.recent), r.diverging ? 'diverging' : r.status]);
  const key = JSON.stringify(lines);
  if (body.dataset.key === key) return;
  body.dataset.key = key;
  body.replaceChildren(
    ...rows.map((r, n) => {
      const [color, ...texts] = lines[n];
      const swatch = element('span', { class: 'race-swatch' });
      swatch.style.background = color;
      const cells = [element('td', {}, [swatch]), ...texts.map((text) => element('td', { text: String(text) }))];
      const row = element('tr', { 'data-racer': String(r.index) }, cells);
      row.classList.toggle('diverged', r.diverged || r.diverging);
      return row;
    }),
  );
}

/** Mounts the race in its section; the classifier slice cuts through the model of `lab` (the
 *  classifier lab's handle). Returns the scene's hooks for the page's frame loop. */
export function mountRace(root, { lab }) {
  buildRacerRows(root);
  const surface = root.querySelector('#race-surface');
  const overlay = root.querySelector('#race-overlay');
  const lossChart = root.querySelector('#race-loss-chart');
  const scheduleChart = root.querySelector('#race-schedule-chart');
  // Rebuildable: after an internal error the page makes a fresh race behind the same handle.
  const trails = root.querySelector('#race-trails');
  const { handle: race, rebuild, halt, halted } = rebuildable(() => new RaceView(surface, trails, overlay, lossChart, scheduleChart));
  const playButton = root.querySelector('#race-play');
  const clock = root.querySelector('#race-clock');
  const leaderboard = root.querySelector('#race-leaderboard');
  const caption = root.querySelector('#race-caption');

  for (const row of racerRows(root)) {
    row.querySelector('.race-swatch').style.background = race.racerColor(Number(row.dataset.racer));
  }
  const addButton = root.querySelector('#race-add');

  /** Shows only the racing slots (the others wait behind "Add racer"), and tucks a racer's
   *  hyperparameter or own-schedule line away when none of its settings applies (the
   *  settings themselves are hidden by settings.js). Reads the controls only. */
  const showRows = () => {
    let idle = 0;
    for (const row of racerRows(root)) {
      row.hidden = !row.querySelector('[data-field="enabled"]').checked;
      if (row.hidden) idle += 1;
      for (const line of row.querySelectorAll('.race-hypers, .race-own-schedule')) {
        line.hidden = [...line.querySelectorAll('label')].every((label) => label.hidden);
      }
    }
    addButton.disabled = idle === 0;
  };
  /** Shows the clock, the Play button, the standings and the claim: one call for all. */
  const showProgress = () => {
    const progress = race.progress();
    // A tick too long for one frame (random search with many candidates) shows how far it is.
    const update = progress.update ? ` · tick ${progress.clock + 1}: ${progress.update[0]} of ${progress.update[1]} candidates` : '';
    clock.textContent = String(progress.clock) + update;
    playButton.textContent = progress.playing || progress.stepping ? 'Pause' : 'Play';
    showLeaderboard(leaderboard, progress.leaderboard);
    const { claim } = progress;
    const claimLine = root.querySelector('#race-claim');
    claimLine.textContent = claim ? `Now: ${claim.evidence}${claim.holds ? ' — the claim holds.' : ''}` : '';
    claimLine.classList.toggle('holds', Boolean(claim?.holds));
    const growth = root.querySelector('#race-growth-warning');
    growth.hidden = !progress.growth;
    if (growth.textContent !== (progress.growth ?? '')) growth.textContent = progress.growth ?? '';
  };
  const render = () => {
    if (halted()) return;
    race.render();
    showProgress();
  };
  // A stopped race is neither sized nor drawn until it is rebuilt.
  const sizes = [
    [surface, (...size) => halted() || race.resize(...size)],
    [lossChart, (...size) => halted() || race.resizeChart('loss', ...size)],
    [scheduleChart, (...size) => halted() || race.resizeChart('schedule', ...size)],
  ];
  const draw = fitCanvases(sizes, render);
  // After any change: the rows, the caption if the preset changed (an edited preset keeps its
  // caption, marked "(modified)"), and the picture.
  const settings = bindSettings(root, race, (name, changed) => {
    showRows();
    if (changed.some((entry) => entry.name === 'preset')) caption.textContent = race.caption();
    render();
  });
  addCustomPreset(root.querySelector('#race-preset'));
  settings.all();
  showRows();
  caption.textContent = race.caption();

  // The classifier slice is cut at the lab's current W and b each time the race is shown.
  const takeLab = () => {
    const snapshot = lab.snapshot();
    try {
      race.useLab(snapshot);
    } finally {
      snapshot.free();
    }
  };

  const act = (action) => guarded(action, settings);
  // "Add racer" ticks the first idle slot's checkbox, as a click on it would.
  addButton.addEventListener('click', () => {
    const idle = [...racerRows(root)].find((row) => row.hidden);
    const box = idle?.querySelector('[data-field="enabled"]');
    if (!box) return;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    idle.querySelector('[data-field="method"]').focus();
  });
  root.querySelector('#race-step').addEventListener('click', guarded(() => race.step(), render));
  root.querySelector('#race-reset').addEventListener('click', guarded(() => race.reset(), render));
  playButton.addEventListener('click', guarded(() => (race.playing || race.stepping ? race.pause() : race.play()), render));

  // Click or drag on the canvas with a mouse, a pen or a finger: the start follows the pointer
  // that pressed, every racer restarts there; one call then tells the panel what changed (the
  // start, and the preset once). A second finger (a pinch) moves nothing.
  const place = (event) => act(() => race.placeStart(...devicePoint(overlay, event)))();
  let dragging = null;
  overlay.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || dragging !== null) return;
    dragging = event.pointerId;
    overlay.setPointerCapture(event.pointerId);
    place(event);
  });
  overlay.addEventListener('pointermove', (event) => {
    if (event.pointerId === dragging) place(event);
  });
  const release = (event) => {
    if (event.pointerId !== dragging) return;
    dragging = null;
    if (overlay.hasPointerCapture(event.pointerId)) overlay.releasePointerCapture(event.pointerId);
  };
  overlay.addEventListener('pointerup', release);
  overlay.addEventListener('pointercancel', release);

  return {
    handle: race,
    redraw() {
      try {
        takeLab();
        settings();
      } catch (error) {
        report(error);
      }
      draw();
    },
    frame() {
      if (!race.playing && !race.stepping) return;
      race.frame();
      showProgress();
    },
    /** Stops the race after an internal error (see the lab's). */
    halt,
    /** A fresh race in place of one that hit an internal error; the page then reopens its
     *  link. */
    rebuild() {
      rebuild();
      settings();
      this.redraw();
    },
  };
}
