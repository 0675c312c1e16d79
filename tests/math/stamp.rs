//! Stamped discs against the discs they stand for, and the density view's counts and colours.

use descent::render::density::{Density, opacity};
use descent::render::discs::Disc;
use descent::render::palette::{Rgb, class_color};
use descent::render::raster::Raster;
use descent::render::stamp::{DiscStamp, MAX_OUTER, SUBPIXEL, StampCache};

const BACKGROUND: [u8; 4] = [200, 220, 240, 255];

fn background(width: usize, height: usize) -> Raster {
    let mut raster = Raster::new(width, height);
    for px in raster.rgba_mut().chunks_exact_mut(4) {
        px.copy_from_slice(&BACKGROUND);
    }
    raster
}

/// The largest difference of any channel between two rasters of the same size.
fn largest_difference(a: &Raster, b: &Raster) -> u8 {
    a.rgba().iter().zip(b.rgba()).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0)
}

#[test]
fn a_stamped_disc_is_the_exact_disc_at_its_centre_rounded_to_an_eighth_of_a_pixel() {
    let fill = Rgb(0x00, 0x72, 0xB2);
    let ring = Rgb::WHITE;
    let mut differing = 0;
    let mut covered = 0;
    for (radius, ring_width) in [(7.0, 3.0), (3.5, 1.5), (4.0, 1.7142857142857142), (14.0, 5.0), (1.0, 0.0)] {
        let stamp = DiscStamp::new(radius, ring_width).unwrap();
        for (k, center) in [[20.0, 20.0], [20.3, 19.71], [20.0625, 20.9375], [21.49, 20.51], [0.2, 39.9], [-3.0, 12.5]]
            .into_iter()
            .enumerate()
        {
            let (mut stamped, mut exact) = (background(40, 40), background(40, 40));
            stamp.paint(&mut stamped, center, fill, ring);
            let disc = stamp.disc(center, fill, ring);
            assert!((disc.center[0] - center[0]).abs() <= 0.5 / SUBPIXEL as f64, "{k}");
            assert_eq!(disc, Disc { center: disc.center, radius, fill, ring, ring_width });
            disc.paint(&mut exact);
            // Fixed-point weights (2⁻¹⁵) may round a channel the other way: at most 1 apart.
            assert!(largest_difference(&stamped, &exact) <= 1, "r {radius}, w {ring_width}, centre {center:?}");
            differing += stamped.rgba().iter().zip(exact.rgba()).filter(|(a, b)| a != b).count();
            covered += exact.rgba().chunks_exact(4).filter(|px| px != &BACKGROUND).count();
        }
    }
    // …and that rarely happens.
    assert!(covered > 5000 && differing * 100 < covered, "{differing} of {covered}");
}

#[test]
fn a_stamp_at_a_centre_on_the_grid_is_the_exact_disc_there() {
    let stamp = DiscStamp::new(7.0, 3.0).unwrap();
    let center = [17.375, 16.625];
    assert_eq!(stamp.disc(center, class_color(1), Rgb::WHITE).center, center);
    let (mut stamped, mut exact) = (background(34, 34), background(34, 34));
    stamp.paint(&mut stamped, center, class_color(1), Rgb::WHITE);
    Disc { center, radius: 7.0, fill: class_color(1), ring: Rgb::WHITE, ring_width: 3.0 }.paint(&mut exact);
    assert!(largest_difference(&stamped, &exact) <= 1);
    // The centre pixel is the fill, a pixel 12 away untouched.
    assert_eq!(stamped.pixel(17, 16), [0xD5, 0x5E, 0x00, 255]);
    assert_eq!(stamped.pixel(29, 16), BACKGROUND);
}

#[test]
fn stamps_refuse_what_they_cannot_draw_and_are_kept_across_frames() {
    assert!(DiscStamp::new(MAX_OUTER, 1.0).is_none());
    assert!(DiscStamp::new(f64::NAN, 1.0).is_none());
    assert!(DiscStamp::new(f64::INFINITY, 0.0).is_none());
    // Centres far outside, or not finite, paint nothing.
    let stamp = DiscStamp::new(3.0, 1.0).unwrap();
    let mut raster = background(10, 10);
    for center in [[f64::NAN, 5.0], [5.0, f64::INFINITY], [-1e300, 5.0], [5.0, 1e300], [-6.0, -6.0], [16.0, 5.0]] {
        stamp.paint(&mut raster, center, class_color(0), Rgb::WHITE);
    }
    assert!(raster.rgba().chunks_exact(4).all(|px| px == BACKGROUND));
    let mut cache = StampCache::default();
    cache.prepare(7.0, 3.0);
    cache.prepare(1e9, 3.0);
    assert!(cache.get(7.0, 3.0).is_some_and(|s| s.draws(7.0, 3.0)));
    assert!(cache.get(1e9, 3.0).is_none());
    for r in 1..=5 {
        cache.prepare(f64::from(r), 1.0);
    }
    // Four are kept, the least recently used evicted.
    assert!(cache.get(7.0, 3.0).is_none());
    assert!((2..=5).all(|r| cache.get(f64::from(r), 1.0).is_some()));
}

#[test]
fn the_density_view_counts_each_class_per_bin_and_paints_their_mixture() {
    let mut density = Density::default();
    let points = vec![
        ([0.5, 0.5], 0),
        ([1.9, 1.2], 0),
        ([1.0, 0.0], 1),
        ([2.0, 0.0], 2),
        ([5.99, 3.99], 1),
        ([6.0, 1.0], 1),  // outside (width 6)
        ([-0.1, 1.0], 1), // outside
        ([f64::NAN, 1.0], 0),
    ];
    density.count(6, 4, 2, points.into_iter());
    assert_eq!((density.at(0, 0, 0), density.at(0, 0, 1), density.at(0, 0, 2)), (2, 1, 0));
    assert_eq!((density.at(1, 0, 0), density.at(1, 0, 1), density.at(1, 0, 2)), (0, 0, 1));
    assert_eq!(density.at(2, 1, 1), 1);
    let total: u32 = (0..3)
        .flat_map(|c| (0..2).flat_map(move |r| (0..6).map(move |k| (c, r, k))))
        .map(|(c, r, k)| density.at(c, r, k))
        .sum();
    assert_eq!(total, 5);
    let mut raster = background(6, 4);
    density.paint(&mut raster);
    // Bin (0, 0): 2 of class 0 and 1 of class 1, the densest bin, so opaque.
    let mix =
        |c: fn(Rgb) -> u8| ((2.0 * f64::from(c(class_color(0))) + f64::from(c(class_color(1)))) / 3.0 + 0.5) as u8;
    let expected = [mix(|c| c.0), mix(|c| c.1), mix(|c| c.2), 255];
    for (i, j) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
        assert_eq!(raster.pixel(i, j), expected);
    }
    // Bin (2, 1): one point of class 1 at α(1).
    let alpha = opacity(1, 4f64.ln());
    let blend = |old: u8, new: u8| (f64::from(old) * (1.0 - alpha) + alpha * f64::from(new) + 0.5) as u8;
    let c = class_color(1);
    assert_eq!(raster.pixel(5, 3), [blend(200, c.0), blend(220, c.1), blend(240, c.2), 255]);
    // Empty bins keep the regions.
    assert_eq!(raster.pixel(4, 0), BACKGROUND);
}
