//! One step of each optimizer on the classifier objective (softmax + L2, three blobs) at
//! N = 1,000 and N = 100,000 points. Each measured step starts from the same state: the
//! optimizer after five warm-up steps (so momentum buffers, moments and L-BFGS's history
//! exist), cloned outside the timing.
//!
//! `cargo bench --bench optimizers -- --warm-up-time 1 --measurement-time 3`, then
//! `cargo bench --bench summary` for the median and 95th percentile of each.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use descent::data::{DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::objective::Objective;
use descent::optim::classifier::ClassifierLoss;
use descent::optim::minibatch::Minibatches;
use descent::optim::settings::{Method, Settings};
use descent::regularizer::{Regularizer, RegularizerKind};

/// A learning rate that trains without diverging, per method.
fn lr(method: Method) -> &'static str {
    match method {
        Method::RandomSearch | Method::Newton | Method::Lbfgs | Method::Adadelta => "1",
        Method::Sgd | Method::AdaGrad => "0.5",
        Method::Momentum | Method::Nesterov => "0.1",
        Method::RmsProp | Method::Rprop => "0.01",
        Method::Adam | Method::AdamW | Method::NAdam | Method::RAdam | Method::Adamax => "0.05",
    }
}

fn one_step(c: &mut Criterion) {
    let objective = Objective {
        loss: Loss { kind: LossKind::Softmax, margin: 1.0 },
        regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
        lambda: 1e-3,
        regularize_bias: false,
    };
    let mut group = c.benchmark_group("step");
    for points in [1_000, 100_000] {
        let data =
            DatasetSpec { kind: DatasetKind::Blobs, points, classes: 3, noise: 0.3, seed: 1 }.generate().unwrap();
        // (label, method, minibatch size)
        let mut cases: Vec<(String, Method, Option<usize>)> =
            Method::ALL.iter().map(|&m| (m.name().to_string(), m, None)).collect();
        cases.insert(2, ("sgd-batch32".to_string(), Method::Sgd, Some(32)));
        for (label, method, batch) in cases {
            let mut settings = Settings::new(method);
            settings.set("lr", lr(method)).unwrap();
            let mut f = ClassifierLoss::new(&objective, &data);
            if let Some(size) = batch {
                f = f.with_minibatches(Minibatches::new(points, size, true, 1));
            }
            let mut optimizer = settings.build().unwrap();
            let mut theta = vec![0.0; 9];
            let rate = settings.schedule.lr;
            for _ in 0..5 {
                optimizer.step(&mut theta, rate, &mut f).unwrap();
            }
            group.bench_function(BenchmarkId::new(label, points), |b| {
                b.iter_batched_ref(
                    || (optimizer.clone(), theta.clone()),
                    |(opt, th)| opt.step(black_box(th), rate, &mut f).unwrap(),
                    BatchSize::SmallInput,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, one_step);
criterion_main!(benches);
