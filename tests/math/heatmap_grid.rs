//! The heatmap of a grid of values (the regularization views' loss images) and contours by
//! marching squares: the image against the grid it shows, its orientation and placement,
//! levels refined progressively, and contour segments against closed-form level sets.

use descent::regularization::HEATMAP;
use descent::regularization::weight_space::{GRID, WeightSpace};
use descent::render::colormap::Colormap;
use descent::render::contour::level_set;
use descent::render::heatmap::{Heatmap, HeatmapStyle, NO_VALUE, grid_image_rect};
use descent::render::viewport::Viewport;

/// f(i, j) = 2 + (i − 5)² + 3(j − 2)² on a grid: asymmetric in i and j, so a flipped or
/// transposed image shows.
fn bowl(i: usize, j: usize) -> f64 {
    2.0 + (i as f64 - 5.0).powi(2) + 3.0 * (j as f64 - 2.0).powi(2)
}

fn grid(columns: usize, rows: usize, f: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    (0..rows).flat_map(|j| (0..columns).map(move |i| (i, j))).map(|(i, j)| f(i, j)).collect()
}

#[test]
fn each_pixel_shows_its_grid_point_bottom_row_last() {
    let (columns, rows) = (13, 9);
    let values = grid(columns, rows, bowl);
    let mut heatmap = Heatmap::default();
    heatmap.render_grid(&values, columns, rows, 1, &HEATMAP);
    let raster = heatmap.raster();
    assert_eq!((raster.width(), raster.height()), (columns, rows));
    let scale = heatmap.scale().unwrap();
    assert_eq!((scale.f_min, scale.f_max), (2.0, bowl(12, 8)));
    assert!((scale.epsilon - 1e-2 * (scale.f_max - scale.f_min)).abs() < 1e-15);
    let viridis = Colormap::viridis();
    let mut exact = 0;
    for j in 0..rows {
        for i in 0..columns {
            // Grid row j is image row rows − 1 − j.
            let r = rows - 1 - j;
            assert_eq!(heatmap.value(i, r), bowl(i, j));
            let shown = raster.pixel(i, r);
            let t = scale.t(bowl(i, j));
            // The colour of the value's colormap entry, or (within the fast logarithm's 2·10⁻⁵)
            // of a neighbouring entry; no contour lines.
            let near: Vec<[u8; 4]> = [Colormap::index(t).saturating_sub(1), Colormap::index(t), Colormap::index(t) + 1]
                .iter()
                .map(|&k| viridis.entry(k.min(255)))
                .collect();
            assert!(near.contains(&shown), "({i}, {j}): {shown:?}");
            exact += usize::from(shown == viridis.entry(Colormap::index(t)));
        }
    }
    assert!(exact >= columns * rows - 2, "{exact} of {} exact", columns * rows);
    // The minimum (5, 2) is the darkest colour, at image row 6; the top-right corner the lightest.
    assert_eq!(raster.pixel(5, rows - 1 - 2), viridis.entry(0));
    assert_eq!(raster.pixel(columns - 1, 0), viridis.entry(255));
}

#[test]
fn a_coarse_level_is_interpolated_from_its_points_only() {
    // f = 1 + i + 2j + ij/4 is bilinear, so interpolating it from any knots is exact. Only the
    // points at multiples of 4 (and the last row and column) are computed; 7 × 6 points put
    // knots at columns 0, 4, 6 and grid rows 0, 4, 5.
    let f = |i: usize, j: usize| 1.0 + i as f64 + 2.0 * j as f64 + (i * j) as f64 / 4.0;
    let (columns, rows) = (7, 6);
    let known = |i: usize, j: usize| (i % 4 == 0 || i == columns - 1) && (j % 4 == 0 || j == rows - 1);
    let values = grid(columns, rows, |i, j| if known(i, j) { f(i, j) } else { f64::NAN });
    let mut heatmap = Heatmap::default();
    heatmap.render_grid(&values, columns, rows, 4, &HEATMAP);
    for j in 0..rows {
        for i in 0..columns {
            let got = heatmap.value(i, rows - 1 - j);
            assert!((got - f(i, j)).abs() < 1e-12, "({i}, {j}): {got} vs {}", f(i, j));
            assert_ne!(heatmap.raster().pixel(i, rows - 1 - j), NO_VALUE);
        }
    }
    let scale = heatmap.scale().unwrap();
    assert_eq!((scale.f_min, scale.f_max), (f(0, 0), f(6, 5)));
    // A point not yet computed with a stride that needs it: no value, grey.
    let mut heatmap = Heatmap::default();
    heatmap.render_grid(&values, columns, rows, 1, &HeatmapStyle::default());
    assert_eq!(heatmap.raster().pixel(1, rows - 1), NO_VALUE);
    assert_eq!(heatmap.scale().unwrap().f_max, f(6, 5));
}

#[test]
fn a_non_finite_point_stays_on_its_own_pixel() {
    let mut values = grid(5, 5, bowl);
    values[2 * 5 + 3] = f64::INFINITY;
    let mut heatmap = Heatmap::default();
    heatmap.render_grid(&values, 5, 5, 1, &HEATMAP);
    assert_eq!(heatmap.raster().pixel(3, 2), NO_VALUE);
    for (i, r) in [(2, 2), (4, 2), (3, 1), (3, 3)] {
        assert_ne!(heatmap.raster().pixel(i, r), NO_VALUE, "({i}, {r})");
    }
}

#[test]
fn the_image_is_placed_with_each_pixel_centred_on_its_point() {
    let view = Viewport { center: [0.7, -0.3], half_width: 1.5, width: 420, height: 300 };
    let (low, high, n) = ([-1.0, -2.0], [2.0, 1.0], 129);
    let [left, top, width, height] = grid_image_rect(&view, low, high, n, n);
    let cell = [(high[0] - low[0]) / (n - 1) as f64, (high[1] - low[1]) / (n - 1) as f64];
    for k in [0, 1, 64, 127, 128] {
        // Pixel k's centre, in the image scaled to the rectangle.
        let x = left + (k as f64 + 0.5) * width / n as f64;
        let y = top + (k as f64 + 0.5) * height / n as f64;
        // Column k is grid column k; image row k is grid row n − 1 − k.
        let point = view.to_pixel([low[0] + k as f64 * cell[0], low[1] + (n - 1 - k) as f64 * cell[1]]);
        assert!((x - point[0]).abs() < 1e-9 && (y - point[1]).abs() < 1e-9, "pixel {k}");
    }
}

#[test]
fn weight_space_shows_its_data_loss_grid() {
    let view = WeightSpace::default();
    let image = view.image();
    assert_eq!((image.width(), image.height()), (GRID, GRID));
    let mut reference = Heatmap::default();
    let values = grid(GRID, GRID, |i, j| view.grid_value(i, j));
    reference.render_grid(&values, GRID, GRID, 1, &HEATMAP);
    assert_eq!(image.rgba(), reference.raster().rgba());
    // The lowest data loss in the window is the darkest pixel.
    let (mut best, mut at) = (f64::INFINITY, (0, 0));
    for j in 0..GRID {
        for i in 0..GRID {
            if view.grid_value(i, j) < best {
                (best, at) = (view.grid_value(i, j), (i, j));
            }
        }
    }
    assert_eq!(image.pixel(at.0, GRID - 1 - at.1), Colormap::viridis().entry(0));
}

#[test]
fn marching_squares_traces_circles() {
    // f = (i − 20)² + (j − 20)² on a 41 × 41 grid: the level r² is the circle of radius r.
    // Along an edge of length h, linear interpolation overestimates f by at most h²/4, so each
    // crossing p has r² − h²/4 ≤ |p|² ≤ r².
    let n = 41;
    let values = grid(n, n, |i, j| (i as f64 - 20.0).powi(2) + (j as f64 - 20.0).powi(2));
    for (stride, radius) in [(1, 7.5), (1, 15.2), (4, 12.0)] {
        let mut segments = Vec::new();
        level_set(&values, n, stride, radius * radius, &mut segments);
        let h2 = (stride * stride) as f64;
        let inner = (radius * radius - h2 / 4.0).sqrt();
        let mut length = 0.0;
        for (p, q) in &segments {
            for point in [p, q] {
                let r = (point[0] - 20.0).hypot(point[1] - 20.0);
                assert!(r >= inner - 1e-12 && r <= radius + 1e-12, "stride {stride}: r = {r} for {radius}");
                // Crossings lie on the edges of the stride's cells.
                assert!(point.iter().any(|v| v.fract() == 0.0 && (*v as usize) % stride == 0));
            }
            length += (q[0] - p[0]).hypot(q[1] - p[1]);
        }
        // A closed polygon through those points: a little shorter than 2πr.
        let circumference = std::f64::consts::TAU * radius;
        assert!(length < 1.001 * circumference && length > 0.95 * circumference, "stride {stride}: {length}");
    }
    // A level outside the values gives nothing.
    let mut segments = Vec::new();
    level_set(&values, n, 1, -1.0, &mut segments);
    assert!(segments.is_empty());
    // A point without a value drops the four cells around it, and only those (a level through
    // no grid point, so every segment lies inside its cell).
    let mut full = Vec::new();
    level_set(&values, n, 1, 50.5, &mut full);
    let mut holed = values.clone();
    holed[21 * n + 27] = f64::NAN;
    level_set(&holed, n, 1, 50.5, &mut segments);
    let in_hole = |p: &[f64; 2]| (26.0..=28.0).contains(&p[0]) && (20.0..=22.0).contains(&p[1]);
    let kept: Vec<_> = full.iter().copied().filter(|(p, q)| !(in_hole(p) && in_hole(q))).collect();
    assert!(kept.len() < full.len());
    assert_eq!(segments, kept);
}
