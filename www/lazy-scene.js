// A scene built the first time it is used (shown, linked to, asked for its handle) rather than
// when the page loads: the page draws its first frame without building the scenes it does not
// show (the race and the regularization views take about a quarter of a second to build).

/**
 * A scene whose `mount()` runs on first use. `views` names the views it will have (the
 * regularization scene's, in order; none for a scene that makes links itself), so that the
 * page's links can list its places without building it. `built` says whether it is built; an
 * unbuilt scene is at a freshly opened page's state, whose link query is empty.
 */
export function lazyScene(mount, views = []) {
  let scene = null;
  const build = () => (scene ??= mount());
  return {
    views,
    get built() {
      return scene !== null;
    },
    get handle() {
      return build().handle;
    },
    redraw: () => build().redraw(),
    frame: (now) => build().frame(now),
    halt: (why) => build().halt?.(why),
    rebuild: () => build().rebuild(),
  };
}
