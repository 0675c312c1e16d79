// The page's last state in the browser's localStorage, so that a reload (or coming back
// tomorrow) finds every scene as it was left. The state is written through the same encoding
// as links: one link query per scene and view (settings, edited points, the step training
// reached, the race's clock; see docs/links.md), plus the address shown. Reading never
// throws: a stored state that is not this page's is discarded, and the caller says so.

/** The storage key. */
const KEY = 'descent.state';
/** The layout of the stored value; another one is discarded. */
const VERSION = 1;

/** The stored state, `{ links: {"lab": query, "race": query, "regularization/landscape":
 *  query, …}, at: "#scene/view?…", bar: "#…" }` (`at` the address of the state saved, `bar`
 *  what the address bar showed then: it follows the state a moment later, so a reload may
 *  find it one change behind), or `{ error }` saying why the stored value was
 *  discarded (it is removed), or `{}` when nothing is stored or storage is unavailable. */
export function readStored() {
  let text;
  try {
    text = window.localStorage.getItem(KEY);
  } catch {
    return {};
  }
  if (text === null) return {};
  const discard = (why) => {
    clearStored();
    return { error: `The page's saved state could not be read (${why}) and was discarded; the scenes open with their defaults.` };
  };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return discard(error.message);
  }
  if (value === null || typeof value !== 'object') return discard('it is no object');
  if (value.version !== VERSION) return discard(`its version is ${JSON.stringify(value.version)}, not ${VERSION}`);
  if (value.links === null || typeof value.links !== 'object') return discard('it has no links');
  for (const [name, query] of Object.entries(value.links)) {
    if (typeof query !== 'string') return discard(`links.${name} is no text`);
  }
  if (typeof value.at !== 'string') return discard('it has no address');
  return { links: value.links, at: value.at, bar: typeof value.bar === 'string' ? value.bar : null };
}

/** Stores the state (see `readStored`). A full or unavailable storage is not an error: the
 *  page goes on without it. */
export function writeStored(links, at, bar) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ version: VERSION, links, at, bar }));
  } catch {
    // Private mode or full: nothing to keep the state in.
  }
}

/** Forgets the stored state. */
export function clearStored() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
