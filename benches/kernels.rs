//! The core's hot paths one at a time: each loss with its gradient over N = 1,000 and
//! 100,000 points; the point painters (the exact disc, the stamp, the density view); the
//! decision regions and a race heatmap with contours on a 1024 × 1024 raster; a 129 × 129
//! landscape slice; and the weight-space view's dataset change at N = 500.
//!
//! `cargo bench --bench kernels -- --warm-up-time 1 --measurement-time 3`, then
//! `cargo bench --bench summary` for the median and 95th percentile of each.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use descent::data::{DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::model::Shape;
use descent::objective::Objective;
use descent::regularization::landscape::random_directions;
use descent::regularization::slice::{Plane, Slice};
use descent::regularization::weight_space::WeightSpace;
use descent::regularizer::{Regularizer, RegularizerKind};
use descent::render::density::Density;
use descent::render::discs::Disc;
use descent::render::heatmap::{Heatmap, HeatmapStyle};
use descent::render::palette::{Rgb, class_color};
use descent::render::raster::Raster;
use descent::render::regions::{RegionPainter, Shading};
use descent::render::stamp::DiscStamp;
use descent::render::viewport::Viewport;
use descent::surface::{Surface, SurfaceKind};

const SIDE: usize = 1024;
/// A trained-looking θ for three classes in 2D.
const THETA: [f64; 9] = [1.2, 0.3, -0.8, 1.1, -0.4, -1.4, 0.1, -0.2, 0.05];

fn objective(kind: LossKind) -> Objective {
    Objective {
        loss: Loss { kind, margin: 1.0 },
        regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
        lambda: 1e-3,
        regularize_bias: false,
    }
}

fn losses(c: &mut Criterion) {
    let mut group = c.benchmark_group("loss-and-gradient");
    for points in [1_000, 100_000] {
        let data =
            DatasetSpec { kind: DatasetKind::Blobs, points, classes: 3, noise: 0.3, seed: 1 }.generate().unwrap();
        for kind in LossKind::ALL {
            let objective = objective(kind);
            let mut evaluator = objective.evaluator(&data);
            let mut grad = [0.0; 9];
            group.bench_function(BenchmarkId::new(kind.name(), points), |b| {
                b.iter(|| black_box(evaluator.loss_and_gradient(black_box(&THETA), None, &mut grad)))
            });
        }
    }
    group.finish();
}

/// Point centres spread over the raster, with their classes.
fn centres(n: usize) -> Vec<([f64; 2], usize)> {
    let data = DatasetSpec { kind: DatasetKind::Blobs, points: n, classes: 3, noise: 0.3, seed: 1 }.generate().unwrap();
    let view = Viewport::centered(1.2 * data.max_abs_coordinate(), SIDE, SIDE);
    (0..n).map(|i| (view.to_pixel([data.point(i)[0], data.point(i)[1]]), data.label(i))).collect()
}

fn painters(c: &mut Criterion) {
    let mut group = c.benchmark_group("paint");
    let mut raster = Raster::new(SIDE, SIDE);
    // Radius 3.5 CSS px with a 1.5 px ring at device-pixel ratio 2.
    let (radius, ring_width) = (7.0, 3.0);
    let points = centres(10_000);
    group.bench_function(BenchmarkId::new("discs-exact", 10_000), |b| {
        b.iter(|| {
            for &(center, k) in &points {
                Disc { center, radius, fill: class_color(k), ring: Rgb::WHITE, ring_width }.paint(&mut raster);
            }
        })
    });
    let stamp = DiscStamp::new(radius, ring_width).unwrap();
    group.bench_function(BenchmarkId::new("discs-stamped", 10_000), |b| {
        b.iter(|| {
            for &(center, k) in &points {
                stamp.paint(&mut raster, center, class_color(k), Rgb::WHITE);
            }
        })
    });
    group.bench_function("stamp-build", |b| b.iter(|| black_box(DiscStamp::new(radius, ring_width))));
    let mut density = Density::default();
    for n in [100_000, 1_000_000] {
        let points = centres(n);
        group.bench_function(BenchmarkId::new("density", n), |b| {
            b.iter(|| {
                density.count(SIDE, SIDE, 2, points.iter().copied());
                density.paint(&mut raster);
            })
        });
    }
    let painter = RegionPainter::default();
    let view = Viewport::centered(3.0, SIDE, SIDE);
    let shape = Shape { classes: 3, dim: 2 };
    for (name, shading) in [("regions-flat", Shading::Flat), ("regions-confidence", Shading::Confidence)] {
        group.bench_function(name, |b| b.iter(|| painter.paint(&mut raster, shape, &THETA, &view, shading)));
    }
    let surface = Surface::new(SurfaceKind::Rosenbrock);
    let domain = surface.domain();
    let mut heatmap = Heatmap::default();
    let view = Viewport {
        center: [(domain.x.0 + domain.x.1) / 2.0, (domain.y.0 + domain.y.1) / 2.0],
        half_width: (domain.x.1 - domain.x.0) / 2.0,
        width: SIDE,
        height: SIDE,
    };
    group
        .bench_function("heatmap-rosenbrock", |b| b.iter(|| heatmap.render(&view, &HeatmapStyle::default(), &surface)));
    group.finish();
}

fn landscape(c: &mut Criterion) {
    let data =
        DatasetSpec { kind: DatasetKind::Blobs, points: 1_000, classes: 3, noise: 0.3, seed: 1 }.generate().unwrap();
    let shape = Shape { classes: 3, dim: 2 };
    let objective = objective(LossKind::Softmax);
    let directions = random_directions(shape, &THETA, 1);
    let plane = Plane { center: THETA.to_vec(), directions, range: 1.0 };
    let mut group = c.benchmark_group("landscape");
    for n in [129, 257] {
        group.bench_function(BenchmarkId::new("softmax-slice", n), |b| {
            b.iter(|| {
                let mut slice = Slice::new(&data, &objective, plane.clone(), n).unwrap();
                slice.complete();
                black_box(slice.value(n / 2, n / 2))
            })
        });
    }
    group.finish();
}

/// The weight-space view's dataset change: the points, the three paths over λ with their zero
/// crossings, the 129 × 129 data-loss grid and its heatmap (500 and 501 points in turn, so
/// every change recomputes).
fn weight_space(c: &mut Criterion) {
    let mut view = WeightSpace::default();
    let mut points = 500;
    c.bench_function("weight-space/dataset-change/500", |b| {
        b.iter(|| {
            points = 1001 - points;
            view.set("points", &points.to_string()).expect("500 and 501 points are in range");
        })
    });
}

criterion_group!(benches, losses, painters, landscape, weight_space);
criterion_main!(benches);
