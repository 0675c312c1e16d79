//! The loss landscape view: its centre against the classifier lab's loss, the directions, the
//! projection of the trajectory, its settings and its drawing.

use descent::lab::Lab;
use descent::lab::Snapshot;
use descent::model::{Param, Shape};
use descent::regularization::charts::{draw_error_curves, draw_weight_paths};
use descent::regularization::landscape::{GRID, Landscape, parse_param, random_directions};
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

/// The lab's state as the page hands it to the landscape.
fn source_of(lab: &Lab) -> Snapshot {
    lab.snapshot()
}

fn trained_lab() -> Lab {
    let mut lab = Lab::default();
    for (name, value) in
        [("dataset", "blobs"), ("points", "300"), ("classes", "3"), ("loss", "softmax"), ("lambda", "0.01")]
    {
        lab.set(name, value).unwrap();
    }
    for _ in 0..40 {
        lab.step().unwrap();
    }
    lab
}

#[test]
fn the_centre_is_the_labs_loss() {
    for loss in ["softmax", "svm", "ova", "structured"] {
        let mut lab = trained_lab();
        lab.set("loss", loss).unwrap();
        let mut landscape = Landscape::default();
        assert!(landscape.set_source(source_of(&lab)).unwrap());
        while landscape.advance(1_000_000) {}
        let want = lab.breakdown().total();
        let got = landscape.center_value();
        assert!((got - want).abs() < 1e-13 * want.max(1.0), "{loss}: {got} vs {want}");
    }
    // Before any change, the landscape shows the lab's initial state (the cs231n demo).
    let mut landscape = Landscape::default();
    landscape.advance(usize::MAX);
    while landscape.advance(1_000_000) {}
    let want = Lab::default().breakdown().total();
    assert!((landscape.center_value() - want).abs() < 1e-13 * want);
}

#[test]
fn random_directions_are_filter_normalized() {
    let shape = Shape { classes: 3, dim: 2 };
    let theta = [3.0, 4.0, 0.0, 0.0, -1.0, 2.0, 0.5, -0.5, 7.0];
    let [d1, d2] = random_directions(shape, &theta, 9);
    assert_ne!(d1, d2);
    assert_eq!([d1.clone(), d2.clone()], random_directions(shape, &theta, 9), "a seed gives the same directions");
    assert_ne!(d1, random_directions(shape, &theta, 10)[0]);
    for d in [&d1, &d2] {
        let norm = |k: usize| d[2 * k].hypot(d[2 * k + 1]);
        // Each class's row of W is scaled to the norm of θ's row: 5, then unit norm for the zero
        // row, then √5; the biases' entries are 0.
        assert!((norm(0) - 5.0).abs() < 1e-12);
        assert!((norm(1) - 1.0).abs() < 1e-12);
        assert!((norm(2) - 5f64.sqrt()).abs() < 1e-12);
        assert_eq!(&d[6..], &[0.0; 3]);
    }
}

#[test]
fn the_trajectory_is_projected_onto_the_plane() {
    let lab = trained_lab();
    let mut source = source_of(&lab);
    let mut landscape = Landscape::default();
    landscape.set_source(source.clone()).unwrap();
    // Points in the plane land exactly where they are: θ + a·d₁ + b·d₂ at (a, b).
    let [d1, d2] = landscape.directions();
    let points = [(0.3, -0.2), (-1.5, 0.75), (0.0, 0.0)];
    source.trajectory = points
        .iter()
        .flat_map(|&(a, b)| {
            source.theta.iter().zip(&d1).zip(&d2).map(move |((t, x), y)| t + a * x + b * y).collect::<Vec<_>>()
        })
        .collect();
    landscape.set_source(source.clone()).unwrap();
    for (got, (a, b)) in landscape.projected_trajectory().iter().zip(points) {
        assert!((got[0] - a).abs() < 1e-12 && (got[1] - b).abs() < 1e-12, "{got:?} vs ({a}, {b})");
    }
    // On parameter axes the view's coordinates are the parameters' values.
    landscape.set("directions", "axes").unwrap();
    landscape.set("axis1", "W[1,0]").unwrap();
    landscape.set("axis2", "b[2]").unwrap();
    let shape = landscape.shape();
    let lab_history = source_of(&lab);
    landscape.set_source(lab_history.clone()).unwrap();
    let projected = landscape.projected_trajectory();
    assert_eq!(projected.len(), lab.history().len());
    for (n, p) in projected.iter().enumerate() {
        let theta = lab.history().theta(n);
        assert_eq!(
            *p,
            [theta[shape.index(Param::Weight { class: 1, input: 0 })], theta[shape.index(Param::Bias { class: 2 })]]
        );
    }
    assert_eq!(landscape.origin(), *projected.last().unwrap(), "θ is the last step's parameters");
}

#[test]
fn settings_are_validated_and_changes_restart_the_slice() {
    let mut landscape = Landscape::default();
    while landscape.advance(1_000_000) {}
    assert!(landscape.slice().is_complete());
    landscape.set("range", "2").unwrap();
    assert!(!landscape.slice().is_complete(), "a new range starts over");
    assert_eq!(landscape.get("range").unwrap(), "2");
    for (name, value, fragment) in [
        ("range", "0", "the range must be"),
        ("range", "1e9", "the range must be"),
        ("directions", "diagonal", "\"random\" or \"axes\""),
        ("axis1", "W[3,0]", "k < 3 and l < 2"),
        ("axis1", "w[0,0]", "a parameter W[k,l] or b[k]"),
        ("axis1", "W[0,1]", "pick two different parameters"),
        ("seed", "-1", "the seed must be"),
        ("zoom", "2", "no setting \"zoom\""),
    ] {
        let e = landscape.set(name, value).unwrap_err().to_string();
        assert!(e.contains(fragment), "{name}={value}: {e}");
    }
    assert_eq!(landscape.get("axis1").unwrap(), "W[0,0]");
    assert_eq!(landscape.get("range").unwrap(), "2");
    // The same source does not restart; a different one does; a malformed one is refused.
    let source = landscape.source().clone();
    while landscape.advance(1_000_000) {}
    assert!(!landscape.set_source(source.clone()).unwrap());
    assert!(landscape.slice().is_complete());
    let mut moved = source.clone();
    moved.theta[0] += 0.5;
    assert!(landscape.set_source(moved).unwrap());
    let mut broken = source;
    broken.trajectory = vec![1.0; 5];
    assert!(landscape.set_source(broken).unwrap_err().to_string().contains("whole trajectory points"));
    assert_eq!(parse_param("b[1]", Shape { classes: 2, dim: 2 }), Ok(Param::Bias { class: 1 }));
}

#[test]
fn rendering_follows_the_levels() {
    let mut landscape = Landscape::default();
    landscape.resize(400, 400, 1.0);
    landscape.render();
    assert!(landscape.marks().is_empty(), "nothing to draw before the first level");
    landscape.advance(1);
    while landscape.slice().finished_stride().is_none() {
        landscape.advance(1);
    }
    landscape.render();
    assert_eq!((landscape.image().width(), landscape.image().height()), (GRID, GRID));
    let coarse_contours = landscape.contours().len();
    assert!(coarse_contours > 0);
    while landscape.advance(1_000_000) {}
    landscape.render();
    assert!(landscape.contours().len() > coarse_contours, "finer levels draw finer contours");
    // The image's centre pixel shows the centre value's colour: the lowest values are darkest.
    let [r, g, b, a] = landscape.image().pixel(GRID / 2, GRID / 2);
    assert_eq!(a, 255);
    assert!(u32::from(r) + u32::from(g) + u32::from(b) > 0);
}

#[test]
fn the_charts_draw_into_svg() {
    let weights = WeightSpace::default();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (480, 200)).into_drawing_area();
        let plotted = draw_weight_paths(&weights, &area, 1.0).unwrap();
        // The chart spans the path's λ range in log₁₀ units.
        assert!((plotted.x[0] + 3.0).abs() < 1e-12 && (plotted.x[1] - 1.0).abs() < 1e-12);
    }
    assert!(svg.matches("<polyline").count() >= 2, "the two weights' paths: {svg}");
    assert!(svg.contains("w₁*") && svg.contains("w₂*") && svg.contains("log₁₀ λ"));
    let simpler = Simpler::default();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (480, 200)).into_drawing_area();
        let plotted = draw_error_curves(&simpler, &area, 1.0).unwrap();
        assert!(plotted.log_y);
    }
    assert!(svg.contains("held-out") && svg.contains("training"));
}
