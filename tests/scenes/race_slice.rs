//! The classifier's own loss as a race surface: the slice's value, gradient and Hessian
//! against the full objective and finite differences, racing on it, its settings, and the
//! coarse heatmap a large dataset's slice is drawn with.

use descent::data::{DatasetKind, DatasetSpec};
use descent::field::Field;
use descent::loss::{Loss, LossKind};
use descent::model::CS231N_INITIAL;
use descent::objective::{Difference, Objective, numeric_gradient};
use descent::optim::LossFn;
use descent::optim::classifier::ClassifierLoss;
use descent::race::Race;
use descent::race::slice::{ClassifierSlice, ClassifierSource};
use descent::regularizer::{Regularizer, RegularizerKind};
use descent::render::heatmap::{Heatmap, HeatmapStyle};
use descent::render::viewport::Viewport;

/// The cs231n demo's points and initial θ, under `loss` with L2 (λ = 0.1).
fn cs231n(loss: LossKind) -> ClassifierSource {
    let data = DatasetSpec { kind: DatasetKind::Cs231n, ..DatasetSpec::default() }.generate().unwrap();
    let objective = Objective { loss: Loss { kind: loss, margin: 1.0 }, ..Objective::default() };
    ClassifierSource { data, objective, theta: CS231N_INITIAL.to_vec() }
}

#[test]
fn the_slice_is_the_full_objective_along_two_parameters() {
    let source = cs231n(LossKind::Softmax);
    // W[1,0] (index 2) and b[2] (index 8).
    let mut slice = ClassifierSlice::new(source.clone(), [2, 8]);
    assert_eq!(slice.axis_names(), ["W[1,0]".to_string(), "b[2]".to_string()]);
    assert_eq!(slice.start(), [2.0, -0.5]);
    let mut full = ClassifierLoss::new(&source.objective, &source.data);
    for p in [[2.0, -0.5], [0.3, 1.7], [-3.0, 0.0]] {
        let mut theta = CS231N_INITIAL.to_vec();
        theta[2] = p[0];
        theta[8] = p[1];
        let mut full_grad = vec![0.0; 9];
        let expected = full.loss_and_gradient(&theta, &mut full_grad);
        let mut grad = [0.0; 2];
        assert_eq!(slice.loss_and_gradient(&p, &mut grad), expected);
        assert_eq!(slice.value(p), expected);
        assert_eq!(grad, [full_grad[2], full_grad[8]]);
        // Against centered differences of the slice's own value.
        let numeric = numeric_gradient(|q| slice.value([q[0], q[1]]), &p, 1e-5, Difference::Centered);
        for (a, n) in grad.iter().zip(&numeric) {
            assert!((a - n).abs() <= 1e-7 * (1.0 + a.abs()), "{a} vs {n}");
        }
        // The Hessian: the 2 × 2 block of the full one, and the derivative of the gradient.
        let mut hessian = [0.0; 4];
        slice.hessian(&p, &mut hessian).unwrap();
        let mut full_hessian = vec![0.0; 81];
        full.hessian(&theta, &mut full_hessian).unwrap();
        assert_eq!(
            hessian,
            [full_hessian[2 * 9 + 2], full_hessian[2 * 9 + 8], full_hessian[8 * 9 + 2], full_hessian[8 * 9 + 8]]
        );
        let h = 1e-5;
        for axis in 0..2 {
            let mut up = p;
            let mut down = p;
            up[axis] += h;
            down[axis] -= h;
            let (mut g_up, mut g_down) = ([0.0; 2], [0.0; 2]);
            slice.loss_and_gradient(&up, &mut g_up);
            slice.loss_and_gradient(&down, &mut g_down);
            for row in 0..2 {
                let numeric = (g_up[row] - g_down[row]) / (2.0 * h);
                assert!((hessian[row * 2 + axis] - numeric).abs() < 1e-6, "H[{row}][{axis}]");
            }
        }
    }
    // Hinge losses have no Hessian; the slice says why, as the full objective does.
    let mut svm = ClassifierSlice::new(cs231n(LossKind::MulticlassSvm), [0, 1]);
    let error = svm.hessian(&[1.0, 2.0], &mut [0.0; 4]).unwrap_err().to_string();
    assert!(error.contains("piecewise linear"), "{error}");
}

/// A race on the classifier slice of `source` along `x` and `y`.
fn classifier_race(source: ClassifierSource, x: &str, y: &str) -> Race {
    let mut race = Race::default();
    race.set_classifier(source).unwrap();
    race.set("surface", "classifier").unwrap();
    race.set("slice-x", x).unwrap();
    race.set("slice-y", y).unwrap();
    race
}

#[test]
fn racers_race_on_the_slice_from_the_labs_current_values() {
    let source = cs231n(LossKind::Softmax);
    let mut race = classifier_race(source.clone(), "W[0,1]", "b[0]");
    for (k, method) in ["sgd", "newton", "lbfgs"].iter().enumerate() {
        race.set(&format!("racer{k}.enabled"), "true").unwrap();
        race.set(&format!("racer{k}.method"), method).unwrap();
    }
    race.set("racer0.lr", "0.5").unwrap();
    for k in 3..8 {
        race.set(&format!("racer{k}.enabled"), "false").unwrap();
    }
    assert_eq!(race.get("surface").unwrap(), "classifier");
    assert_eq!(race.start(), [2.0, 0.0], "W[0,1] = 2 and b[0] = 0 in the demo's θ");
    race.advance(30);
    let mut full = ClassifierLoss::new(&source.objective, &source.data);
    for racer in &race.racers()[..3] {
        let tr = racer.run().trajectory();
        assert_eq!(tr.len(), 31);
        let end = tr.last_point().unwrap();
        let mut theta = CS231N_INITIAL.to_vec();
        theta[1] = end[0];
        theta[6] = end[1];
        assert_eq!(*tr.losses().last().unwrap(), full.loss(&theta));
        assert!(tr.losses().last().unwrap() < &tr.losses()[0], "{} lowers the loss", racer.label());
    }
    // Softmax with L2 is strictly convex along the slice: Newton and L-BFGS find the same
    // minimum, where the slice's gradient vanishes.
    let [newton, lbfgs] = [1, 2].map(|k| race.racers()[k].run().theta().to_vec());
    assert!((newton[0] - lbfgs[0]).abs() < 1e-6 && (newton[1] - lbfgs[1]).abs() < 1e-6, "{newton:?} {lbfgs:?}");
    let mut slice = ClassifierSlice::new(source, [1, 6]);
    let mut grad = [0.0; 2];
    slice.loss_and_gradient(&newton, &mut grad);
    assert!(grad[0].abs() < 1e-9 && grad[1].abs() < 1e-9, "{grad:?}");
}

#[test]
fn the_slice_follows_the_lab_and_its_settings_are_checked() {
    let mut race = Race::default();
    let error = race.set("surface", "classifier").unwrap_err().to_string();
    assert!(error.contains("needs the classifier lab's model"), "{error}");
    let error = race.set("slice-x", "W[0,0]").unwrap_err().to_string();
    assert!(error.contains("needs the classifier lab's model"), "{error}");
    let source = cs231n(LossKind::MulticlassSvm);
    let mut race = classifier_race(source.clone(), "W[2,1]", "b[1]");
    assert_eq!((race.get("slice-x").unwrap().as_str(), race.get("slice-y").unwrap().as_str()), ("W[2,1]", "b[1]"));
    let error = race.set("slice-x", "W[3,0]").unwrap_err().to_string();
    assert!(error.contains("parameters of the model (W[0,0], W[0,1]") && error.contains("not \"W[3,0]\""), "{error}");
    // Giving one axis the other's parameter swaps them.
    race.set("slice-x", "b[1]").unwrap();
    assert_eq!((race.get("slice-x").unwrap().as_str(), race.get("slice-y").unwrap().as_str()), ("b[1]", "W[2,1]"));
    race.set("slice-y", "b[1]").unwrap();
    assert_eq!((race.get("slice-x").unwrap().as_str(), race.get("slice-y").unwrap().as_str()), ("W[2,1]", "b[1]"));
    race.advance(5);
    // The same model again changes nothing; a moved lab re-cuts the slice at its new values.
    race.set_classifier(source.clone()).unwrap();
    assert_eq!(race.clock(), 5);
    let mut moved = source.clone();
    moved.theta[5] = -2.5;
    moved.theta[7] = 1.25;
    race.set_classifier(moved).unwrap();
    assert_eq!(race.clock(), 0);
    assert_eq!(race.start(), [-2.5, 1.25]);
    // The quadratic's settings survive a visit to the slice.
    race.set("surface", "quadratic").unwrap();
    race.set("kappa", "42").unwrap();
    race.set("surface", "classifier").unwrap();
    race.set("surface", "quadratic").unwrap();
    assert_eq!(race.get("kappa").unwrap(), "42");
    // The slice's picture is the loss: the heatmap's scale spans its values in view.
    race.set("surface", "classifier").unwrap();
    race.resize(200, 200, 1.0);
    assert!(race.render());
    let scale = race.picture().heatmap().scale().unwrap();
    let centre = race.picture().view().pixel_center(100, 100);
    let f = race.terrain().value(centre);
    assert!(scale.f_min <= f && f <= scale.f_max);
    assert!(race.terrain().minima().is_empty() && race.terrain().floor().is_none());
}

/// Every loss and penalty (biases regularized or not), on the nine points and on four-class
/// blobs, along pairs of parameters of different classes, of one class, and weight with bias.
fn pictured_slices() -> Vec<ClassifierSlice> {
    let blobs =
        DatasetSpec { kind: DatasetKind::Blobs, points: 40, classes: 4, ..DatasetSpec::default() }.generate().unwrap();
    let blob_theta: Vec<f64> = (0..12).map(|i| 0.3 * f64::from(i) - 1.7).collect();
    let mut slices = Vec::new();
    for loss in LossKind::ALL {
        for regularizer in RegularizerKind::ALL {
            for regularize_bias in [false, true] {
                let objective = Objective {
                    loss: Loss { kind: loss, margin: 1.0 },
                    regularizer: Regularizer { kind: regularizer, beta: 0.5 },
                    lambda: 0.3,
                    regularize_bias,
                };
                let nine = ClassifierSource { objective, ..cs231n(loss) };
                let four = ClassifierSource { data: blobs.clone(), objective, theta: blob_theta.clone() };
                for axes in [[2, 8], [0, 1], [5, 6], [7, 3]] {
                    slices.push(ClassifierSlice::new(nine.clone(), axes));
                }
                for axes in [[0, 11], [4, 5], [9, 10]] {
                    slices.push(ClassifierSlice::new(four.clone(), axes));
                }
            }
        }
    }
    slices
}

#[test]
fn the_picture_fills_the_slice_from_its_affine_scores() {
    // The grid form sums each score and the penalty in another order than the full objective:
    // it agrees to rounding, 1e-13 of the loss's scale (the largest score, at least 1).
    for slice in pictured_slices() {
        let domain = slice.domain();
        let along = |(low, high): (f64, f64), n: usize| -> Vec<f64> {
            (0..n).map(|i| low + (high - low) * (f64::from(i as u32) + 0.37) / n as f64).collect()
        };
        let (xs, ys) = (along(domain.x, 23), along(domain.y, 17));
        let mut grid = vec![f64::NAN; xs.len() * ys.len()];
        slice.fill_grid(&xs, &ys, &mut grid);
        let scale = 1.0 + domain.x.1.abs().max(domain.y.1.abs()) * 3.0;
        for (j, &y) in ys.iter().enumerate() {
            for (i, &x) in xs.iter().enumerate() {
                let (got, want) = (grid[j * xs.len() + i], slice.value([x, y]));
                assert!(
                    (got - want).abs() <= 1e-13 * scale.max(want.abs()),
                    "{:?} along {:?} at ({x}, {y}): {got} vs {want}",
                    slice.source().objective,
                    slice.axis_names()
                );
            }
        }
        // The base point itself, and the racers' objective there.
        let start = slice.start();
        let mut one = [0.0];
        slice.fill_grid(&[start[0]], &[start[1]], &mut one);
        let mut exact = slice.clone();
        let at_start = LossFn::loss(&mut exact, &start);
        assert!((one[0] - at_start).abs() <= 1e-13 * scale.max(at_start.abs()));
    }
}

#[test]
fn large_datasets_are_pictured_on_a_coarser_grid() {
    let data = DatasetSpec { kind: DatasetKind::Blobs, points: 2000, ..DatasetSpec::default() }.generate().unwrap();
    let theta = vec![0.5; 3 * 2 + 3];
    let big = ClassifierSlice::new(ClassifierSource { data, objective: Objective::default(), theta }, [0, 1]);
    // 1024² pixels × 2000 points × 3 classes: ⌈√(6.3·10⁹ / 8·10⁵)⌉ = ⌈88.7⌉ pixels.
    assert_eq!(big.picture_cell(1024 * 1024), 89);
    // 20,000 points would need 281: at least nine samples a side, every 1024/8 = 128 pixels.
    let data = DatasetSpec { kind: DatasetKind::Blobs, points: 20_000, ..DatasetSpec::default() }.generate().unwrap();
    let huge =
        ClassifierSlice::new(ClassifierSource { data, objective: Objective::default(), theta: vec![0.5; 9] }, [0, 1]);
    assert_eq!(huge.picture_cell(1024 * 1024), 128);
    assert_eq!(huge.picture_cell(7 * 7), 1);
    // Nine points in three classes under softmax, a score counting six: 162 per sample,
    // ⌈√(1024² · 162 / 8·10⁵)⌉ = ⌈14.6⌉ and ⌈√(400² · 162 / 8·10⁵)⌉ = ⌈5.7⌉; under the SVM,
    // 27 per sample: ⌈5.95⌉ and ⌈2.3⌉; a 150² canvas is drawn at every pixel.
    assert_eq!(ClassifierSlice::new(cs231n(LossKind::Softmax), [0, 1]).picture_cell(1024 * 1024), 15);
    assert_eq!(ClassifierSlice::new(cs231n(LossKind::Softmax), [0, 1]).picture_cell(400 * 400), 6);
    assert_eq!(ClassifierSlice::new(cs231n(LossKind::MulticlassSvm), [0, 1]).picture_cell(1024 * 1024), 6);
    assert_eq!(ClassifierSlice::new(cs231n(LossKind::MulticlassSvm), [0, 1]).picture_cell(400 * 400), 3);
    assert_eq!(ClassifierSlice::new(cs231n(LossKind::MulticlassSvm), [0, 1]).picture_cell(150 * 150), 1);
}

#[test]
fn a_sampled_heatmap_interpolates_between_its_samples() {
    let view = Viewport::centered(2.0, 203, 101);
    let style = HeatmapStyle::default();
    // Bilinear interpolation is exact for f = a + bx + cy + dxy.
    let f = |p: [f64; 2]| 1.0 + 3.0 * p[0] - 2.0 * p[1] + 0.5 * p[0] * p[1];
    let mut sampled = Heatmap::default();
    sampled.render_sampled(&view, &style, &f, 7);
    for j in 0..101 {
        for i in 0..203 {
            assert!((sampled.value(i, j) - f(view.pixel_center(i, j))).abs() < 1e-12, "({i}, {j})");
        }
    }
    // A cell of 1 is the full render, byte for byte.
    let g = |p: [f64; 2]| (p[0] - 0.3).powi(2) + 5.0 * (p[1] + 0.2).powi(2);
    let (mut full, mut one) = (Heatmap::default(), Heatmap::default());
    full.render(&view, &style, &g);
    one.render_sampled(&view, &style, &g, 1);
    assert_eq!(full.raster().rgba(), one.raster().rgba());
    // Coarse samples of a curved f: within the interpolation error, every pixel.
    let mut coarse = Heatmap::default();
    coarse.render_sampled(&view, &style, &g, 4);
    let spacing = 4.0 / view.scale();
    for j in 0..101 {
        for i in 0..203 {
            // |error| ≤ (spacing²/8)·(|f_xx| + |f_yy|) = (spacing²/8)·12.
            assert!((coarse.value(i, j) - g(view.pixel_center(i, j))).abs() <= 1.5 * spacing * spacing + 1e-12);
        }
    }
}
