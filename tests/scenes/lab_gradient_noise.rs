//! The lab's gradient noise σ (Problem #3): each update's gradient is ∇L(θ) + σξ with ξ drawn
//! from the data seed's stream, restarted with every run; σ = 0 is exact gradient descent;
//! refused values change nothing.

use descent::lab::Lab;
use descent::optim::noise::Normals;

/// A lab on the demo's points with σ = `sigma` after `steps` updates.
fn trained(settings: &[(&str, &str)], steps: usize) -> Lab {
    let mut lab = Lab::default();
    for (name, value) in settings {
        lab.set(name, value).unwrap();
    }
    for _ in 0..steps {
        lab.step().unwrap();
    }
    lab
}

#[test]
fn one_sgd_step_adds_sigma_times_the_seeded_draws_to_the_gradient() {
    let sigma = 0.5;
    let lab = trained(&[("gradient-noise", "0.5")], 0);
    let theta0 = lab.theta().to_vec();
    let gradient = lab.gradient();
    let alpha = lab.learning_rate();
    let mut lab = lab;
    lab.step().unwrap();
    // θ₁ = θ₀ − α(∇L(θ₀) + σξ), ξ the first draws of the data seed's stream.
    let seed: u64 = lab.get("data-seed").unwrap().parse().unwrap();
    let xi: Vec<f64> = Normals::new(seed).take(theta0.len()).collect();
    for i in 0..theta0.len() {
        let expected = theta0[i] - alpha * (gradient[i] + sigma * xi[i]);
        assert!((lab.theta()[i] - expected).abs() <= 1e-15, "θ[{i}] = {} not {expected}", lab.theta()[i]);
    }
}

#[test]
fn zero_noise_is_exact_gradient_descent_and_noise_changes_the_run() {
    let exact = trained(&[], 20);
    let zero = trained(&[("gradient-noise", "0")], 20);
    assert_eq!(exact.theta(), zero.theta());
    let noisy = trained(&[("gradient-noise", "1")], 20);
    assert_ne!(exact.theta(), noisy.theta());
    // The same σ and seed replay the same run; another data seed draws other noise.
    assert_eq!(trained(&[("gradient-noise", "1")], 20).theta(), noisy.theta());
    let blobs = |seed: &'static str| trained(&[("dataset", "blobs"), ("data-seed", seed), ("gradient-noise", "1")], 5);
    assert_ne!(blobs("1").theta(), trained(&[("dataset", "blobs"), ("data-seed", "1")], 5).theta());
}

#[test]
fn setting_sigma_starts_a_new_run_from_where_training_got_to() {
    let mut lab = trained(&[], 3);
    let theta = lab.theta().to_vec();
    lab.set("gradient-noise", "2").unwrap();
    assert_eq!(lab.steps(), 0);
    assert_eq!(lab.theta(), &theta[..]);
    assert_eq!(lab.get("gradient-noise").unwrap(), "2");
}

#[test]
fn refused_values_say_why_and_change_nothing() {
    let mut lab = trained(&[("gradient-noise", "0.25")], 2);
    let theta = lab.theta().to_vec();
    for (value, message) in [
        ("-1", "gradient-noise must be a number from 0 to 100, not \"-1\""),
        ("101", "gradient-noise must be a number from 0 to 100, not \"101\""),
        ("abc", "gradient-noise must be a number from 0 to 100, not \"abc\""),
        ("NaN", "gradient-noise must be a number from 0 to 100, not \"NaN\""),
    ] {
        assert_eq!(lab.set("gradient-noise", value).unwrap_err().to_string(), message);
        assert_eq!(lab.gradient_noise(), 0.25);
        assert_eq!(lab.steps(), 2);
        assert_eq!(lab.theta(), &theta[..]);
    }
}
