//! The heatmap's banded, row-at-a-time passes against the whole-image passes they replaced,
//! written out plainly here: every pixel of the same bits, on surfaces, with non-finite
//! values, and on one-pixel-wide and one-pixel-high images.

use descent::field::Field;
use descent::render::colormap::{COLORMAP_SIZE, Colormap};
use descent::render::contour::ContourStyle;
use descent::render::heatmap::{Heatmap, HeatmapStyle, NO_VALUE};
use descent::render::logscale::{LogScale, fast_log2};
use descent::render::viewport::Viewport;
use descent::surface::{Surface, SurfaceKind};

/// The line coverage with early returns, as it was before it became branch-free.
fn coverage(style: &ContourStyle, c: f32, gx: f32, gy: f32) -> f32 {
    let level = c.round_ties_even();
    let offset = c - level;
    let reach = 0.5 * style.width as f32 + 0.5;
    let gradient2 = gx * gx + gy * gy;
    if offset * offset > reach * reach * gradient2 || gradient2 * 4.0 >= 1.0 {
        return 0.0;
    }
    if !(level >= 1.0 && level <= style.count as f32) {
        return 0.0;
    }
    let spacing = 1.0 / gradient2.sqrt();
    let cover = (reach - offset.abs() * spacing).clamp(0.0, 1.0);
    let crowding = ((spacing - 2.0) / 2.0).clamp(0.0, 1.0);
    cover * crowding
}

fn line_color(color: [u8; 4]) -> [u8; 4] {
    let luma = 0.2126 * f64::from(color[0]) + 0.7152 * f64::from(color[1]) + 0.0722 * f64::from(color[2]);
    let target = if luma < 110.0 { 255.0 } else { 0.0 };
    let mix = |c: u8| (f64::from(c) + (target - f64::from(c)) * 0.55).round() as u8;
    [mix(color[0]), mix(color[1]), mix(color[2]), 255]
}

fn blend(base: u32, over: u32, a: u32) -> u32 {
    const EVEN: u32 = 0x00ff_00ff;
    let keep = 256 - a;
    let even = (((base & EVEN) * keep + (over & EVEN) * a) >> 8) & EVEN;
    let odd = (((base >> 8) & EVEN) * keep + ((over >> 8) & EVEN) * a) & !EVEN;
    even | odd
}

/// The four whole-image passes: values, their finite range, coordinates, colours.
fn reference(view: &Viewport, style: &HeatmapStyle, f: &dyn Field) -> Vec<[u8; 4]> {
    let (width, height) = (view.width, view.height);
    let xs: Vec<f64> = (0..width).map(|i| view.pixel_center(i, 0)[0]).collect();
    let ys: Vec<f64> = (0..height).map(|j| view.pixel_center(0, j)[1]).collect();
    let mut values = vec![0.0; width * height];
    f.fill_grid(&xs, &ys, &mut values);
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (low, high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    let contours = style.contours;
    let coordinates: Vec<f32> = if low <= high {
        let scale = LogScale::new(low, high, style.relative_epsilon);
        let per_epsilon = 1.0 / scale.epsilon;
        let top = fast_log2((1.0 + (scale.f_max - scale.f_min) * per_epsilon) as f32);
        let per_log2 = if top > 0.0 { contours.coordinate(1.0) as f32 / top } else { 0.0 };
        let map = |v: f64| {
            let w = (1.0 + (v - scale.f_min) * per_epsilon) as f32;
            if w <= f32::MAX { fast_log2(w) * per_log2 } else { f32::NAN }
        };
        values.iter().map(|&v| map(v)).collect()
    } else {
        vec![f32::NAN; values.len()]
    };
    let colormap = Colormap::viridis();
    let to_index = COLORMAP_SIZE as f32 / contours.coordinate(1.0) as f32;
    let at = |i: usize, j: usize| coordinates[j * width + i];
    let mut pixels = Vec::new();
    for j in 0..height {
        let (up, down) = (j.saturating_sub(1), (j + 1).min(height - 1));
        let y_step = 1.0 / (down - up).max(1) as f32;
        for i in 0..width {
            let c = at(i, j);
            if c.is_nan() {
                pixels.push(NO_VALUE);
                continue;
            }
            let gx = match (i, width) {
                (_, 1) => 0.0,
                (0, _) => at(1, j) - at(0, j),
                (i, w) if i == w - 1 => at(i, j) - at(i - 1, j),
                _ => 0.5 * (at(i + 1, j) - at(i - 1, j)),
            };
            let gy = (at(i, down) - at(i, up)) * y_step;
            let index = ((c * to_index) as usize).min(COLORMAP_SIZE - 1);
            let base = u32::from_le_bytes(colormap.entry(index));
            let cover = coverage(&contours, c, gx, gy);
            let color = if cover <= 0.0 {
                base
            } else {
                blend(base, u32::from_le_bytes(line_color(colormap.entry(index))), (cover * 256.0) as u32)
            };
            pixels.push(color.to_le_bytes());
        }
    }
    pixels
}

fn assert_same(view: &Viewport, style: &HeatmapStyle, f: &dyn Field, what: &str) {
    let mut heatmap = Heatmap::default();
    heatmap.render(view, style, f);
    let expected = reference(view, style, f);
    let raster = heatmap.raster();
    for j in 0..view.height {
        for i in 0..view.width {
            assert_eq!(raster.pixel(i, j), expected[j * view.width + i], "{what}: pixel ({i}, {j})");
        }
    }
}

#[test]
fn every_pixel_is_the_whole_image_passes_pixel() {
    let style = HeatmapStyle::default();
    for kind in [SurfaceKind::Rosenbrock, SurfaceKind::Rastrigin, SurfaceKind::Himmelblau, SurfaceKind::Quadratic] {
        let surface = Surface::new(kind);
        let d = surface.domain();
        // 37 rows: two full 16-row bands and a partial one.
        let view = Viewport {
            center: [(d.x.0 + d.x.1) / 2.0, (d.y.0 + d.y.1) / 2.0],
            half_width: (d.x.1 - d.x.0) / 2.0,
            width: 203,
            height: 37,
        };
        assert_same(&view, &style, &surface, kind.name());
    }
    // Non-finite values (a hole and an infinite corner), thick lines, and degenerate sizes.
    let holes = |p: [f64; 2]| {
        if p[0].hypot(p[1]) < 0.5 {
            f64::NAN
        } else if p[0] > 1.8 && p[1] > 1.8 {
            f64::INFINITY
        } else {
            p[0] * p[0] + 3.0 * p[1] * p[1]
        }
    };
    let thick = HeatmapStyle { contours: ContourStyle { count: 12, width: 2.5 }, ..style };
    for (width, height) in [(64, 48), (1, 20), (20, 1), (1, 1)] {
        let view = Viewport::centered(2.0, width, height);
        assert_same(&view, &style, &holes, "holes");
        assert_same(&view, &thick, &holes, "thick lines");
        assert_same(&view, &style, &|_: [f64; 2]| f64::NAN, "no finite value");
    }
}
