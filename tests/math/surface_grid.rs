//! Surfaces filled a whole grid at once (the heatmap's form, with per-column and per-row
//! caches) against their point-by-point values: the same to the last bit, on every surface,
//! across the chunks of columns the caches are computed in, and beyond the domain.

use descent::field::{Field, fill_separable};
use descent::surface::{Surface, SurfaceKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every surface, the quadratic also turned, badly conditioned and with κ < 1.
fn surfaces() -> Vec<Surface> {
    let mut all: Vec<Surface> = SurfaceKind::ALL.into_iter().map(Surface::new).collect();
    all.push(Surface { kind: SurfaceKind::Quadratic, kappa: 1000.0, angle: 30.0 });
    all.push(Surface { kind: SurfaceKind::Quadratic, kappa: 0.5, angle: -120.0 });
    all
}

/// Evenly spaced coordinates over [low, high] with a random jitter, so no value is special.
fn coordinates(count: usize, (low, high): (f64, f64), rng: &mut ChaCha8Rng) -> Vec<f64> {
    let step = (high - low) / count as f64;
    (0..count).map(|i| low + (i as f64 + rng.random_range(0.0..1.0)) * step).collect()
}

/// Asserts that `fill_grid` gives f(x_i, y_j) bit for bit.
fn assert_grid_is_pointwise(surface: &Surface, xs: &[f64], ys: &[f64]) {
    let mut grid = vec![f64::NAN; xs.len() * ys.len()];
    surface.fill_grid(xs, ys, &mut grid);
    for (j, &y) in ys.iter().enumerate() {
        for (i, &x) in xs.iter().enumerate() {
            let (got, want) = (grid[j * xs.len() + i], surface.value([x, y]));
            assert_eq!(got.to_bits(), want.to_bits(), "{:?} at ({x}, {y}): {got} vs {want}", surface.kind);
        }
    }
}

#[test]
fn every_surface_fills_a_grid_bit_for_bit_as_point_by_point() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    for surface in surfaces() {
        let d = surface.domain();
        // 601 columns: three chunks of cached columns, the last one partial.
        let (xs, ys) = (coordinates(601, d.x, &mut rng), coordinates(37, d.y, &mut rng));
        assert_grid_is_pointwise(&surface, &xs, &ys);
        // Far outside the domain, where the terms are large and cancel.
        let (xs, ys) = (coordinates(50, (-1e3, 1e3), &mut rng), coordinates(50, (-1e5, 1e5), &mut rng));
        assert_grid_is_pointwise(&surface, &xs, &ys);
        // Exact zeros, integers and the minima themselves.
        let mut special: Vec<f64> = vec![0.0, -0.0, 1.0, -1.0, 0.5, 3.0];
        special.extend(surface.minima().iter().flat_map(|m| m.at));
        assert_grid_is_pointwise(&surface, &special, &special);
    }
}

#[test]
fn a_grid_of_non_finite_coordinates_matches_too() {
    for surface in surfaces() {
        let odd = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e200, -1e-300];
        assert_grid_is_pointwise(&surface, &odd, &odd);
    }
}

#[test]
fn empty_grids_and_a_single_point() {
    let rastrigin = Surface::new(SurfaceKind::Rastrigin);
    let mut untouched = [7.0; 3];
    rastrigin.fill_grid(&[], &[1.0, 2.0], &mut untouched);
    rastrigin.fill_grid(&[1.0, 2.0], &[], &mut untouched);
    assert_eq!(untouched, [7.0; 3]);
    let mut one = [0.0];
    rastrigin.fill_grid(&[0.0], &[0.0], &mut one);
    assert_eq!(one, [0.0], "Rastrigin's global minimum");
    // Rastrigin at (½, ½): 20 + 2(¼ − 10 cos π) = 40.5.
    rastrigin.fill_grid(&[0.5], &[0.5], &mut one);
    assert_eq!(one, [40.5]);
}

#[test]
fn separable_fills_compute_each_cache_once_per_column_and_row_chunk() {
    use std::cell::Cell;
    let (columns, rows) = (Cell::new(0), Cell::new(0));
    let xs: Vec<f64> = (0..600).map(f64::from).collect();
    let ys: Vec<f64> = (0..10).map(f64::from).collect();
    let mut out = vec![0.0; 6000];
    fill_separable(
        &xs,
        &ys,
        &mut out,
        |x| {
            columns.set(columns.get() + 1);
            x
        },
        |y| {
            rows.set(rows.get() + 1);
            1000.0 * y
        },
        |c, r| c + r,
    );
    assert_eq!(columns.get(), 600, "one evaluation per column");
    assert_eq!(rows.get(), 30, "one per row and chunk of 256 columns (three chunks)");
    assert!(out.iter().enumerate().all(|(k, &v)| v == (k % 600) as f64 + 1000.0 * (k / 600) as f64));
}

#[test]
fn a_closure_is_a_field_filled_point_by_point() {
    let f = |p: [f64; 2]| p[0].sin() * p[1].exp();
    let (xs, ys) = ([0.1, -2.0, 3.5], [0.0, 1.5]);
    let mut grid = [0.0; 6];
    f.fill_grid(&xs, &ys, &mut grid);
    for (j, &y) in ys.iter().enumerate() {
        for (i, &x) in xs.iter().enumerate() {
            assert_eq!(grid[j * 3 + i], f.at([x, y]));
        }
    }
}

#[test]
fn a_surface_heatmap_is_the_same_as_point_by_point() {
    use descent::render::heatmap::{Heatmap, HeatmapStyle};
    use descent::render::viewport::Viewport;
    let style = HeatmapStyle::default();
    for surface in surfaces() {
        let d = surface.domain();
        let mut view = Viewport::centered(0.5 * (d.x.1 - d.x.0), 300, 260);
        view.center = [0.5 * (d.x.0 + d.x.1), 0.5 * (d.y.0 + d.y.1)];
        let (mut grid, mut pointwise) = (Heatmap::default(), Heatmap::default());
        grid.render(&view, &style, &surface);
        pointwise.render(&view, &style, &|p: [f64; 2]| surface.value(p));
        assert_eq!(grid.raster().rgba(), pointwise.raster().rgba(), "{:?}", surface.kind);
        assert_eq!(grid.value(17, 200).to_bits(), surface.value(view.pixel_center(17, 200)).to_bits());
    }
}
