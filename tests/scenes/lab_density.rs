//! The lab with many points: discs shrink as N grows, and past `DENSITY_FROM` points the
//! canvas shows their density, up to a million points.

use descent::lab::Lab;
use descent::lab::scene::{DENSITY_FROM, point_radius, ring_width};
use descent::render::palette::{class_color, region_color};

#[test]
fn discs_shrink_as_points_grow_dense() {
    // As before up to 10,000 points…
    assert_eq!(point_radius(1), 7.0);
    assert_eq!(point_radius(10), 7.0);
    assert!((point_radius(100) - 5.6).abs() < 1e-12);
    assert_eq!(point_radius(10_000), 3.5);
    assert_eq!(ring_width(3.5), 1.5);
    assert_eq!(ring_width(7.0), 1.5);
    // …then down to 2 CSS pixels at the density view's threshold, the ring with them.
    assert!((point_radius(20_000) - (3.5 - 3.2 * 2f64.log10())).abs() < 1e-12);
    assert_eq!(point_radius(DENSITY_FROM), 2.0);
    assert!((ring_width(2.0) - 6.0 / 7.0).abs() < 1e-15);
    let radii: Vec<f64> = [1, 10, 100, 1000, 5000, 10_000, 15_000, 25_000, 30_000].map(point_radius).to_vec();
    assert!(radii.windows(2).all(|w| w[1] <= w[0]), "{radii:?}");
}

#[test]
fn a_million_points_are_accepted_and_shown_as_their_density() {
    let mut lab = Lab::default();
    lab.resize(256, 256, 1.0);
    lab.set("dataset", "blobs").unwrap();
    lab.set("points", &DENSITY_FROM.to_string()).unwrap();
    lab.render();
    assert!(!lab.shows_density());
    lab.set("points", "1000000").unwrap();
    assert_eq!(lab.data().len(), 1_000_000);
    assert!(lab.shows_density());
    lab.step().unwrap();
    lab.render();
    // Each class's blob centre is painted in a mixture dominated by its own colour, far from
    // the light region tints (most bins there are dense: nearly opaque).
    let view = *lab.view();
    for k in 0..lab.shape().classes {
        let members: Vec<usize> = (0..lab.data().len()).filter(|&i| lab.data().label(i) == k).collect();
        let mean =
            members.iter().fold([0.0; 2], |m, &i| [m[0] + lab.data().point(i)[0], m[1] + lab.data().point(i)[1]]);
        let at = view.to_pixel(mean.map(|m| m / members.len() as f64));
        let px = lab.raster().pixel(at[0] as usize, at[1] as usize);
        let (c, r) = (class_color(k), region_color(k));
        let distance = |a: [u8; 3]| (0..3).map(|i| i32::from(px[i]).abs_diff(i32::from(a[i]))).max().unwrap();
        assert!(distance([c.0, c.1, c.2]) < 40, "class {k}: {px:?}");
        assert!(distance([r.0, r.1, r.2]) > 60, "class {k}: {px:?}");
    }
}
