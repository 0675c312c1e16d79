//! The race scene's surface picture: the viridis colormap, the log-scale heatmap and its
//! contour lines, checked against the published table and closed-form level sets.

use descent::render::colormap::{COLORMAP_SIZE, Colormap, VIRIDIS};
use descent::render::contour::ContourStyle;
use descent::render::heatmap::{Heatmap, HeatmapStyle, NO_VALUE};
use descent::render::logscale::LogScale;
use descent::render::palette::Rgb;
use descent::render::viewport::Viewport;

/// CIE L* of an sRGB colour with components in [0, 1].
fn lightness(rgb: [f64; 3]) -> f64 {
    let linear = |u: f64| if u <= 0.04045 { u / 12.92 } else { ((u + 0.055) / 1.055).powf(2.4) };
    let y = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    if y > 216.0 / 24389.0 { 116.0 * y.cbrt() - 16.0 } else { 24389.0 / 27.0 * y }
}

#[test]
fn viridis_has_its_published_colours() {
    let viridis = Colormap::viridis();
    // The hex codes matplotlib's documentation and every viridis port list for the ends.
    assert_eq!(viridis.color(0.0), Rgb(0x44, 0x01, 0x54));
    assert_eq!(viridis.color(1.0), Rgb(0xfd, 0xe7, 0x25));
    // matplotlib's viridis(0.5) is table row 128 = (0.127568, 0.566949, 0.550556).
    assert_eq!(VIRIDIS[128], [0.127568, 0.566949, 0.550556]);
    assert_eq!(viridis.color(0.5), Rgb(33, 145, 140));
    // Quarter points: rows 64 and 192.
    assert_eq!(viridis.color(0.25), Rgb(59, 82, 139));
    assert_eq!(viridis.color(0.75), Rgb(94, 201, 98));
    // Out of range and NaN clamp to the ends.
    assert_eq!(viridis.color(-3.0), viridis.color(0.0));
    assert_eq!(viridis.color(7.0), viridis.color(1.0));
    assert_eq!(viridis.color(f64::NAN), viridis.color(0.0));
}

#[test]
fn viridis_lightness_rises_evenly() {
    // Perceptual uniformity: L* rises by nearly the same amount at every step, 15 → 91.
    let l: Vec<f64> = VIRIDIS.iter().map(|&rgb| lightness(rgb)).collect();
    assert!((l[0] - 14.95).abs() < 0.01 && (l[COLORMAP_SIZE - 1] - 90.90).abs() < 0.01);
    for pair in l.windows(2) {
        let step = pair[1] - pair[0];
        assert!((0.25..0.40).contains(&step), "L* step {step}");
    }
}

#[test]
fn log_scale_is_ln_of_f_minus_min_plus_epsilon() {
    let scale = LogScale::new(-2.0, 998.0, 1e-3);
    assert_eq!(scale.epsilon, 1.0);
    // ln(f + 3) between ln 1 and ln 1001.
    for f in [-2.0, -1.5, 0.0, 7.0, 97.0, 500.0, 998.0] {
        let expected = (f + 3.0f64).ln() / 1001f64.ln();
        assert!((scale.t(f) - expected).abs() < 1e-14, "t({f})");
        assert!((scale.value_at(expected) - f).abs() < 1e-11, "value_at(t({f}))");
    }
}

/// Renders f over [−2, 2]² on a `size`² canvas.
fn render(size: usize, style: &HeatmapStyle, f: impl Fn([f64; 2]) -> f64) -> (Heatmap, Viewport) {
    let view = Viewport::centered(2.0, size, size);
    let mut heatmap = Heatmap::default();
    heatmap.render(&view, style, &f);
    (heatmap, view)
}

#[test]
fn pixels_away_from_lines_show_the_colour_of_their_value() {
    let style = HeatmapStyle::default();
    let f = |p: [f64; 2]| 3.0 + p[0] * p[0] + 4.0 * p[1] * p[1];
    let (heatmap, view) = render(256, &style, f);
    let scale = heatmap.scale().unwrap();
    // The extremes in view: the pixel centres nearest the origin and nearest a corner.
    let half = 0.5 / view.scale();
    assert!((scale.f_min - f([half, half])).abs() < 1e-12);
    assert!((scale.f_max - f([2.0 - half, 2.0 - half])).abs() < 1e-12);
    assert!((scale.epsilon - 1e-4 * (scale.f_max - scale.f_min)).abs() < 1e-15);
    let viridis = Colormap::viridis();
    let raster = heatmap.raster();
    let mut plain = 0;
    for j in (0..256).step_by(7) {
        for i in (0..256).step_by(5) {
            let value = f(view.pixel_center(i, j));
            assert_eq!(heatmap.value(i, j), value);
            let shown = raster.pixel(i, j);
            let Rgb(r, g, b) = viridis.color(scale.t(value));
            if shown == [r, g, b, 255] {
                plain += 1;
            } else {
                // Only a contour line may change a pixel: it lies within a pixel of a level.
                // ∇c = (N + 1)/span · ∇f / (f − f_min + ε), per data unit.
                let [x, y] = view.pixel_center(i, j);
                let c = style.contours.coordinate(scale.t(value));
                let per_log = style.contours.coordinate(1.0) / scale.log_span();
                let slope = per_log * (2.0 * x).hypot(8.0 * y) / (value - scale.f_min + scale.epsilon);
                let distance = (c - c.round()).abs() / (slope / view.scale());
                assert!(distance < 1.05, "pixel ({i}, {j}) is {distance:.2} px from a line but off-colour");
            }
        }
    }
    assert!(plain > 1300, "only {plain} of 1,887 probes show their plain colour");
    // The corner is yellow, the centre dark purple.
    assert_eq!(raster.pixel(0, 0), [0xfd, 0xe7, 0x25, 255]);
    assert_eq!(raster.pixel(128, 128), [0x44, 0x01, 0x54, 255]);
}

/// The pixel columns along row `j` whose colour a contour line changed.
fn line_columns(heatmap: &Heatmap, scale: &LogScale, view: &Viewport, j: usize) -> Vec<usize> {
    let viridis = Colormap::viridis();
    (0..view.width)
        .filter(|&i| {
            let Rgb(r, g, b) = viridis.color(scale.t(heatmap.value(i, j)));
            heatmap.raster().pixel(i, j) != [r, g, b, 255]
        })
        .collect()
}

#[test]
fn contours_of_a_rotated_quadratic_are_its_ellipses() {
    // f = ½(u² + κv²), u along θ = 90°: u = y, v = −x. Level f_k crosses the x axis at
    // |x| = √(2 f_k / κ) and the y axis at |y| = √(2 f_k).
    let kappa = 4.0;
    let style = HeatmapStyle { contours: ContourStyle { count: 24, width: 1.0 }, ..HeatmapStyle::default() };
    let f = |p: [f64; 2]| 0.5 * (p[1] * p[1] + kappa * p[0] * p[0]);
    let size = 800;
    let (heatmap, view) = render(size, &style, f);
    let scale = heatmap.scale().unwrap();
    let levels = scale.levels(style.contours.count);
    assert_eq!(levels.len(), 24);
    // Along the row through y ≈ 0 (pixel centres at ±½ px: y² adds ~1e-6 to f) and the
    // column through x ≈ 0: every drawn pixel lies within a pixel of a level's crossing and
    // every crossing where lines are at least 6 px apart is drawn.
    let middle = size / 2;
    let columns = line_columns(&heatmap, &scale, &view, middle);
    let y_half = view.pixel_center(0, middle)[1];
    let x_crossings: Vec<f64> =
        levels.iter().map(|&level| ((2.0 * level - y_half * y_half) / kappa).sqrt() * view.scale()).collect();
    let rows: Vec<usize> = (0..size)
        .filter(|&j| {
            let Rgb(r, g, b) = Colormap::viridis().color(scale.t(heatmap.value(middle, j)));
            heatmap.raster().pixel(middle, j) != [r, g, b, 255]
        })
        .collect();
    let x_mid = view.pixel_center(middle, 0)[0];
    let y_crossings: Vec<f64> =
        levels.iter().map(|&level| (2.0 * level - kappa * x_mid * x_mid).sqrt() * view.scale()).collect();
    for (drawn, crossings) in [(&columns, &x_crossings), (&rows, &y_crossings)] {
        let centre = size as f64 / 2.0;
        for &k in drawn {
            let distance = (k as f64 + 0.5 - centre).abs();
            let nearest = crossings.iter().map(|r| (r - distance).abs()).fold(f64::INFINITY, f64::min);
            assert!(nearest < 1.0, "pixel {k} drawn {nearest:.2} px from the nearest level");
        }
        for (n, &r) in crossings.iter().enumerate() {
            let gap = n.checked_sub(1).map_or(r, |m| r - crossings[m]);
            if gap < 6.0 || r > centre - 1.0 {
                continue;
            }
            for side in [-1.0, 1.0] {
                let at = centre + side * r;
                let hit = drawn.iter().any(|&k| ((k as f64 + 0.5) - at).abs() < 0.75);
                assert!(hit, "level {n} at {at:.1} px is not drawn");
            }
        }
    }
    // The steep axis has κ-fold tighter spacing: the x axis shows the levels at √κ = 2 times
    // smaller radii.
    assert!((y_crossings[20] / x_crossings[20] - 2.0).abs() < 1e-3);
}

#[test]
fn non_finite_values_are_grey_and_leave_the_scale_alone() {
    // Infinite for x < 0 (outside a domain), a cone for x ≥ 0.
    let f = |p: [f64; 2]| if p[0] < 0.0 { f64::INFINITY } else { (p[0] * p[0] + p[1] * p[1]).sqrt() };
    let (heatmap, _) = render(64, &HeatmapStyle::default(), f);
    let scale = heatmap.scale().unwrap();
    assert!(scale.f_min > 0.0 && scale.f_max < 2.0 * 2f64.sqrt());
    assert_eq!(heatmap.raster().pixel(3, 40), NO_VALUE);
    assert_ne!(heatmap.raster().pixel(60, 40), NO_VALUE);
    // Nothing finite at all: every pixel grey, no scale.
    let (empty, _) = render(16, &HeatmapStyle::default(), |_| f64::NAN);
    assert!(empty.scale().is_none());
    assert!((0..16).all(|i| empty.raster().pixel(i, i) == NO_VALUE));
    // A constant: one colour, no lines.
    let (flat, _) = render(16, &HeatmapStyle::default(), |_| 5.0);
    assert!((0..16).all(|i| flat.raster().pixel(i, 15 - i) == [0x44, 0x01, 0x54, 255]));
}

#[test]
fn buffers_are_reused_across_sizes() {
    let mut heatmap = Heatmap::default();
    let style = HeatmapStyle::default();
    for size in [64, 32, 96] {
        heatmap.render(&Viewport::centered(1.0, size, size / 2), &style, &|p: [f64; 2]| p[0] * p[0] + p[1]);
        assert_eq!((heatmap.raster().width(), heatmap.raster().height()), (size, size / 2));
        assert_eq!(heatmap.raster().rgba().len(), 4 * size * size / 2);
    }
}

#[test]
fn fast_log2_is_within_2e_5_of_log2() {
    use descent::render::logscale::fast_log2;
    let mut worst = 0.0f64;
    let mut w = 1.0f32;
    while w < 1e7 {
        let error = (f64::from(fast_log2(w)) - f64::from(w).log2()).abs();
        worst = worst.max(error);
        w *= 1.000_37;
    }
    assert!(worst < 2e-5, "worst error {worst:e}");
    // Continuous across a power of two, and exact at each.
    assert!((fast_log2(f32::from_bits(2f32.to_bits() - 1)) - 1.0).abs() < 1e-6);
    for k in 0..20 {
        assert_eq!(fast_log2((1u32 << k) as f32), k as f32);
    }
}

#[test]
fn fast_log2_interpolates_a_table_of_log2() {
    use descent::render::logscale::fast_log2;
    // Every entry of the table (computed when compiling, by a series) is log₂ rounded to f32.
    for k in 0..256u32 {
        let w = 1.0 + k as f32 / 256.0;
        assert_eq!(fast_log2(w), (1.0 + f64::from(k) / 256.0).log2() as f32, "entry {k}");
    }
    // Between entries, the chord: within h²/8 · max |(log₂)''| = 2.8·10⁻⁶ plus the result's
    // rounding to f32 (half an ulp: 9.5·10⁻⁷ below 2²⁴, 3.8·10⁻⁶ below 2¹²⁸).
    let worst_below = |limit: f32, factor: f32| {
        let (mut worst, mut w) = (0.0f64, 1.0f32);
        while w < limit {
            worst = worst.max((f64::from(fast_log2(w)) - f64::from(w).log2()).abs());
            w *= factor;
        }
        worst
    };
    let low = worst_below(16_777_216.0, 1.000_113);
    assert!(low < 3.8e-6, "worst error below 2²⁴: {low:e}");
    assert!(low > 2e-6, "the chord's error shows ({low:e}): the sweep reaches between entries");
    let all = worst_below(f32::MAX, 1.000_71);
    assert!(all < 6.7e-6, "worst error below 2¹²⁸: {all:e}");
}
