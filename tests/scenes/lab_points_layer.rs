//! The points drawn through their cached layer give exactly the pixels of painting every disc
//! every frame, after training steps, hovering, minibatches, held-out points, edits of the
//! points, a new view and pixel ratio, and in the density view.

use descent::lab::Lab;

/// Renders through the layer (made earlier, if nothing it depends on changed), then disc by
/// disc, and asserts that every pixel is the same; then makes the layer again for the next
/// change.
fn assert_layer_matches_discs(lab: &mut Lab, what: &str) {
    lab.render();
    let layered = lab.raster().clone();
    lab.set_points_layer(false);
    lab.render();
    let direct = lab.raster().clone();
    let differing = layered.rgba().chunks_exact(4).zip(direct.rgba().chunks_exact(4)).filter(|(a, b)| a != b).count();
    assert_eq!(differing, 0, "{what}: {differing} pixels differ");
    lab.set_points_layer(true);
    lab.render();
}

/// The number of pixels whose colour the points changed, between a render with and without
/// the hovered point, say.
fn changed_pixels(a: &[u8], b: &[u8]) -> usize {
    a.chunks_exact(4).zip(b.chunks_exact(4)).filter(|(a, b)| a != b).count()
}

#[test]
fn the_points_layer_draws_what_painting_every_disc_draws() {
    let mut lab = Lab::default();
    lab.resize(360, 300, 2.0);
    for (name, value) in [("dataset", "blobs"), ("points", "3000"), ("classes", "3"), ("noise", "0.6")] {
        lab.set(name, value).unwrap();
    }
    lab.render();
    assert_layer_matches_discs(&mut lab, "the first frame");
    for _ in 0..5 {
        lab.step().unwrap();
    }
    assert_layer_matches_discs(&mut lab, "after five steps");

    let before = lab.raster().rgba().to_vec();
    lab.set_hover(Some(17));
    assert_layer_matches_discs(&mut lab, "hovering");
    assert!(changed_pixels(&before, lab.raster().rgba()) > 100, "the hovered point shows");
    lab.set_hover(None);

    lab.set("batch-size", "10").unwrap();
    for _ in 0..3 {
        lab.step().unwrap();
        assert_eq!(lab.batch().len(), 10);
        assert_layer_matches_discs(&mut lab, "a minibatch");
    }

    lab.set("held-out", "0.3").unwrap();
    lab.step().unwrap();
    assert!(lab.data().held_out_count() > 0);
    assert_layer_matches_discs(&mut lab, "held-out points and a minibatch");

    let moved = lab.raster().rgba().to_vec();
    lab.remove_point(5).unwrap();
    lab.render();
    assert!(changed_pixels(&moved, lab.raster().rgba()) > 0, "a removed point is redrawn");
    assert_layer_matches_discs(&mut lab, "a point removed");
    lab.set("points", "2500").unwrap();
    assert_layer_matches_discs(&mut lab, "new points");

    lab.resize(300, 240, 1.5);
    assert_layer_matches_discs(&mut lab, "a new size and pixel ratio");
}

#[test]
fn the_density_counts_are_kept_while_the_points_stay() {
    let mut lab = Lab::default();
    lab.resize(240, 240, 2.0);
    for (name, value) in [("dataset", "blobs"), ("points", "40000"), ("classes", "3")] {
        lab.set(name, value).unwrap();
    }
    assert!(lab.shows_density());
    lab.render();
    lab.step().unwrap();
    assert_layer_matches_discs(&mut lab, "the density view after a step");
    lab.set("held-out", "0.5").unwrap();
    lab.set("batch-size", "100").unwrap();
    lab.step().unwrap();
    assert_layer_matches_discs(&mut lab, "the density view with held-out points and a minibatch");
    lab.remove_point(0).unwrap();
    assert_layer_matches_discs(&mut lab, "the density view after a point is removed");
}
