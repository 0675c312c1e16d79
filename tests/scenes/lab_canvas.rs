//! What the lab draws: regions against per-pixel predictions, confidence against an
//! independent softmax, points, lines, arrows and margins against their equations, and the
//! point-editing gestures.

use descent::lab::Lab;
use descent::lab::scene::{margin_segments, point_radius};
use descent::loss::LossKind;
use descent::model::{Shape, predict};
use descent::render::discs::Disc;
use descent::render::overlay::Mark;
use descent::render::palette::{Rgb, class_color, region_color};
use descent::render::raster::Raster;
use descent::render::regions::{LEVELS, RegionPainter, Shading, confidence_color};
use descent::render::viewport::Viewport;
use proptest::prelude::*;

fn rgb(px: [u8; 4]) -> Rgb {
    Rgb(px[0], px[1], px[2])
}

/// argmax of the scores at the centre of pixel (i, j), straight from the definition.
fn scores_at(shape: Shape, theta: &[f64], view: &Viewport, i: usize, j: usize) -> Vec<f64> {
    let mut s = vec![0.0; shape.classes];
    shape.scores(theta, &view.pixel_center(i, j), &mut s);
    s
}

/// The gap between the best and second-best score: pixels with a tiny gap sit on a boundary,
/// where rounding may pick either class.
fn gap(s: &[f64]) -> f64 {
    let mut sorted = s.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    sorted[0] - sorted.get(1).copied().unwrap_or(f64::NEG_INFINITY)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn every_region_pixel_is_the_predicted_class(
        classes in 2usize..=6,
        theta in proptest::collection::vec(-5.0f64..5.0, 18),
        width in 1usize..90,
        height in 1usize..90,
        half_width in 0.5f64..4.0,
    ) {
        let shape = Shape { classes, dim: 2 };
        let theta = &theta[..shape.len()];
        let view = Viewport::centered(half_width, width, height);
        let mut raster = Raster::default();
        RegionPainter::default().paint(&mut raster, shape, theta, &view, Shading::Flat);
        prop_assert_eq!((raster.width(), raster.height()), (width, height));
        for j in 0..height {
            for i in 0..width {
                let s = scores_at(shape, theta, &view, i, j);
                if gap(&s) > 1e-9 {
                    prop_assert_eq!(rgb(raster.pixel(i, j)), region_color(predict(&s)), "pixel ({}, {})", i, j);
                }
            }
        }
    }

    #[test]
    fn confidence_shading_is_the_softmax_probability_of_the_winner(
        classes in 2usize..=6,
        theta in proptest::collection::vec(-8.0f64..8.0, 18),
    ) {
        let shape = Shape { classes, dim: 2 };
        let theta = &theta[..shape.len()];
        let view = Viewport::centered(2.0, 80, 70);
        let mut raster = Raster::default();
        RegionPainter::default().paint(&mut raster, shape, theta, &view, Shading::Confidence);
        let mut exact = 0;
        for j in 0..70 {
            for i in 0..80 {
                let s = scores_at(shape, theta, &view, i, j);
                if gap(&s) <= 1e-9 {
                    continue;
                }
                let k = predict(&s);
                let z: f64 = s.iter().map(|v| (v - s[k]).exp()).sum();
                let p = 1.0 / z;
                let got = rgb(raster.pixel(i, j));
                // The incremental ratios agree with the direct softmax to ~1e-13, so a pixel
                // is either exactly its level's colour or, right at a level boundary, the next.
                let near = [-1.0, 0.0, 1.0].map(|dl| confidence_color(k, p + dl / (LEVELS - 1) as f64 * (1.0 - 1.0 / classes as f64), classes));
                prop_assert!(near.contains(&got), "pixel ({}, {}): {:?} vs {:?}", i, j, got, near[1]);
                exact += usize::from(got == near[1]);
            }
        }
        prop_assert!(exact as f64 >= 0.99 * (80 * 70) as f64 - 200.0, "{} exact", exact);
    }
}

#[test]
fn confidence_shading_is_pale_on_boundaries_and_strong_far_from_them() {
    // Two classes split by x₀ = 0 with steep scores: s₀ = −4x₀, s₁ = 4x₀, so a pixel at x₀
    // belongs to class 0 left of the line with p₀ = 1/(1 + e^{8x₀}).
    let shape = Shape { classes: 2, dim: 2 };
    let theta = [-4.0, 0.0, 4.0, 0.0, 0.0, 0.0];
    let view = Viewport::centered(2.0, 100, 100);
    let mut raster = Raster::default();
    RegionPainter::default().paint(&mut raster, shape, &theta, &view, Shading::Confidence);
    let x = view.pixel_center(49, 5)[0];
    assert!(x < 0.0 && x > -0.03);
    let unsure = confidence_color(0, 1.0 / (1.0 + (8.0 * x).exp()), 2);
    assert_eq!(rgb(raster.pixel(49, 5)), unsure);
    // x₀ = −0.02: p₀ = 1/(1 + e^{−0.16}) ≈ 0.54, (p − ½)/½ ≈ 0.08, level 5 of 63.
    assert_eq!(unsure, class_color(0).tint(0.94 + (0.45 - 0.94) * 5.0 / 63.0));
    // At the edges p = 1/(1 + e^{−16}): the strongest tint.
    assert_eq!(rgb(raster.pixel(0, 5)), class_color(0).tint(0.45));
    assert_eq!(rgb(raster.pixel(99, 5)), class_color(1).tint(0.45));
}

#[test]
fn a_disc_is_its_fill_inside_its_ring_around_and_untouched_outside() {
    let mut raster = Raster::new(30, 30);
    let (fill, ring) = (Rgb(200, 10, 10), Rgb(255, 255, 255));
    Disc { center: [15.0, 15.0], radius: 5.0, fill, ring, ring_width: 2.0 }.paint(&mut raster);
    assert_eq!(raster.pixel(14, 14), [200, 10, 10, 255], "centre");
    // Pixel (20, 14) has its centre at distance √(5.5² + 0.5²) ≈ 5.52: in the ring.
    assert_eq!(raster.pixel(20, 14), [255, 255, 255, 255]);
    // Pixel (23, 14): distance ≈ 8.5, beyond radius + ring + ½.
    assert_eq!(raster.pixel(23, 14), [0, 0, 0, 0]);
    // On the rim (distance 7) coverage is ½: half ring, half the transparent black under it.
    let mut rim = Raster::new(30, 30);
    Disc { center: [15.5, 8.5], radius: 5.0, fill, ring, ring_width: 2.0 }.paint(&mut rim);
    assert_eq!(rim.pixel(15, 1), [128, 128, 128, 255]);
    // A disc hanging off the raster's corner paints what is inside and nothing else.
    Disc { center: [-2.0, -2.0], radius: 6.0, fill, ring, ring_width: 0.0 }.paint(&mut raster);
    assert_eq!(raster.pixel(0, 0), [200, 10, 10, 255]);
}

/// A rendered lab on a `size`² canvas.
fn rendered(size: usize) -> Lab {
    let mut lab = Lab::default();
    lab.resize(size, size, 1.0);
    lab.render();
    lab
}

#[test]
fn the_canvas_shows_regions_points_lines_and_arrows_where_the_math_puts_them() {
    let lab = rendered(400);
    let view = *lab.view();
    // Every point's centre pixel has its class colour.
    for i in 0..lab.data().len() {
        let p = lab.data().point(i);
        let at = view.to_pixel([p[0], p[1]]);
        assert_eq!(
            rgb(lab.raster().pixel(at[0] as usize, at[1] as usize)),
            class_color(lab.data().label(i)),
            "point {i}"
        );
    }
    // Region pixels away from points are the predicted class's tint.
    for (i, j) in [(20, 20), (380, 30), (200, 390), (50, 300)] {
        assert_eq!(rgb(lab.raster().pixel(i, j)), region_color(lab.predict_pixel(i, j)));
    }
    // One zero-score line and one arrow per class, each on its equation.
    let lines: Vec<_> = lab
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Line { from, to, color, dashed: false, width, .. } if *width == 2.0 => Some((*from, *to, *color)),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 3);
    let theta = lab.theta();
    for (k, (from, to, color)) in lines.iter().enumerate() {
        assert_eq!(*color, class_color(k));
        for end in [from, to] {
            let x = view.to_data(*end);
            let s = theta[2 * k] * x[0] + theta[2 * k + 1] * x[1] + theta[6 + k];
            assert!(s.abs() < 1e-9, "class {k}'s line: s = {s}");
        }
    }
    let arrows: Vec<_> = lab
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Arrow { from, to, .. } => Some((view.to_data(*from), view.to_data(*to))),
            _ => None,
        })
        .collect();
    assert_eq!(arrows.len(), 3);
    for (k, (from, to)) in arrows.iter().enumerate() {
        let w = [theta[2 * k], theta[2 * k + 1]];
        let norm = w[0].hypot(w[1]);
        // It starts on the zero-score line and points along W_k with length 0.1·‖W_k‖·h.
        assert!((w[0] * from[0] + w[1] * from[1] + theta[6 + k]).abs() < 1e-9);
        let d = [to[0] - from[0], to[1] - from[1]];
        assert!((d[0].hypot(d[1]) - 0.1 * norm).abs() < 1e-9, "class {k}");
        assert!((d[0] * w[1] - d[1] * w[0]).abs() < 1e-9 && d[0] * w[0] + d[1] * w[1] > 0.0);
    }
}

#[test]
fn doubling_w_doubles_the_arrows() {
    let mut lab = rendered(300);
    let lengths = |lab: &Lab| -> Vec<f64> {
        lab.marks()
            .iter()
            .filter_map(|m| match m {
                Mark::Arrow { from, to, .. } => Some((to[0] - from[0]).hypot(to[1] - from[1])),
                _ => None,
            })
            .collect()
    };
    let before = lengths(&lab);
    lab.set("W[0,0]", "0.5").unwrap();
    lab.set("W[0,1]", "0.5").unwrap();
    lab.set("W[1,0]", "1").unwrap();
    lab.set("W[1,1]", "-1").unwrap();
    lab.set("W[2,0]", "1").unwrap();
    lab.render();
    let small = lengths(&lab);
    lab.scale_theta(2.0).unwrap();
    lab.render();
    let doubled = lengths(&lab);
    assert_ne!(before, small);
    for (a, b) in small.iter().zip(&doubled) {
        assert!((b - 2.0 * a).abs() < 1e-9, "{a} → {b}");
    }
}

#[test]
fn svm_margin_lines_bound_the_zone_where_a_point_pays_nothing() {
    let shape = Shape { classes: 3, dim: 2 };
    let theta = [1.0, 2.0, 2.0, -4.0, 3.0, -1.0, 0.0, 0.5, -0.5];
    let delta = 1.0;
    let segments = margin_segments(shape, &theta, LossKind::MulticlassSvm, delta, [-1.0, -1.0], [1.0, 1.0]);
    assert!(segments.len() >= 3, "{segments:?}");
    let mut s = vec![0.0; 3];
    for (k, p, q) in &segments {
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let x = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
            shape.scores(&theta, &x, &mut s);
            // Class k leads the runner-up by exactly Δ here.
            let runner_up = (0..3).filter(|j| j != k).map(|j| s[j]).fold(f64::NEG_INFINITY, f64::max);
            assert!((s[*k] - runner_up - delta).abs() < 1e-9, "class {k} at {x:?}: {s:?}");
        }
    }
    // One-vs-All: the lines s_k = ±Δ.
    for (k, p, q) in margin_segments(shape, &theta, LossKind::OneVsAll, 0.5, [-1.0, -1.0], [1.0, 1.0]) {
        for x in [p, q] {
            shape.scores(&theta, &x, &mut s);
            assert!((s[k].abs() - 0.5).abs() < 1e-9);
        }
    }
    assert!(margin_segments(shape, &theta, LossKind::Softmax, 1.0, [-1.0, -1.0], [1.0, 1.0]).is_empty());
}

#[test]
fn margins_are_drawn_only_when_asked_and_for_hinge_losses() {
    let mut lab = rendered(200);
    let dashed = |lab: &Lab| lab.marks().iter().filter(|m| matches!(m, Mark::Line { dashed: true, .. })).count();
    assert_eq!(dashed(&lab), 0);
    lab.set("show-margins", "true").unwrap();
    lab.render();
    assert!(dashed(&lab) >= 3);
    lab.set("loss", "softmax").unwrap();
    lab.render();
    assert_eq!(dashed(&lab), 0);
}

#[test]
fn pressing_dragging_and_removing_points_edit_the_data_and_restart_the_run() {
    let mut lab = rendered(400);
    let view = *lab.view();
    let n = lab.data().len();
    // A press on empty canvas adds a point of the selected class there.
    lab.set("add-class", "1").unwrap();
    let empty = view.to_pixel([0.9, -0.9]);
    lab.pointer_down(empty, false).unwrap();
    assert_eq!(lab.data().len(), n + 1);
    assert_eq!(lab.data().label(n), 1);
    let p = lab.data().point(n);
    assert!((p[0] - 0.9).abs() < 1e-12 && (p[1] + 0.9).abs() < 1e-12);
    assert_eq!(lab.history().len(), 1);
    // …and holds it: a drag moves it, kept inside the view.
    lab.pointer_move(view.to_pixel([0.2, -0.95])).unwrap();
    lab.pointer_move([-50.0, 1000.0]).unwrap();
    lab.pointer_up();
    let (low, _) = view.data_bounds();
    assert_eq!(lab.data().point(n), &[low[0], low[1]]);
    // Hovering finds a point within its radius plus slop; the remove modifier removes it.
    let first = view.to_pixel([0.5, 0.4]);
    lab.pointer_move([first[0] + point_radius(10) + 2.0, first[1]]).unwrap();
    assert_eq!(lab.hover(), Some(0));
    lab.pointer_down(first, true).unwrap();
    assert_eq!(lab.data().len(), n);
    assert_eq!(lab.hover(), None);
    assert_ne!(lab.data().point(0), &[0.5, 0.4]);
    // A long press removes the held point unless the press became a drag.
    let second = view.to_pixel([0.8, 0.3]);
    let count = lab.data().len();
    lab.pointer_down(second, false).unwrap();
    lab.pointer_move([second[0] + 20.0, second[1]]).unwrap();
    assert!(!lab.long_press().unwrap());
    lab.pointer_up();
    assert_eq!(lab.data().len(), count);
    let held = lab.data().point(0).to_vec();
    lab.pointer_down(view.to_pixel([held[0], held[1]]), false).unwrap();
    lab.pointer_move(view.to_pixel([held[0], held[1]])).unwrap();
    assert!(lab.long_press().unwrap());
    assert_eq!(lab.data().len(), count - 1);
    // Removing on empty canvas does nothing; N and the loss follow every edit.
    assert_eq!(lab.pointer_down(empty, true).unwrap(), descent::lab::points::Press::Nothing);
    let mut rows = Vec::new();
    lab.table_rows(0, usize::MAX, &mut rows);
    assert_eq!(rows.len(), lab.data().len() * lab.row_width());
}

#[test]
fn hovering_highlights_the_point_on_the_canvas() {
    let mut lab = rendered(400);
    let view = *lab.view();
    let at = view.to_pixel([0.5, 0.4]);
    let ring_pixel = [(at[0] + point_radius(9) + 3.0) as usize, at[1] as usize];
    let before = lab.raster().pixel(ring_pixel[0], ring_pixel[1]);
    lab.set_hover(Some(0));
    assert!(lab.needs_render());
    lab.render();
    // The hovered point grows and gains a dark ring.
    let after = lab.raster().pixel(ring_pixel[0], ring_pixel[1]);
    assert_ne!(before, after);
    assert!(after[0] < 80 && after[1] < 80 && after[2] < 80, "{after:?}");
}
