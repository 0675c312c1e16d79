//! The charts over log₁₀ λ beside two views: the weight-space optimum w*(λ) (each weight's
//! path, where L1 visibly reaches 0 and stays there) and the simpler-models fit's training
//! and held-out error (the U of the bias–variance trade-off). Both are drawn by
//! [`draw_line_chart`], generic over the plotters backend.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::simpler::{Simpler, TEST_COLOR, TRAIN_COLOR};
use super::weight_space::WeightSpace;
use crate::render::chart::{ChartResult, LineChart, Series, draw_line_chart};
use crate::render::palette::Rgb;

/// Colour of w₁'s path.
pub const W1_COLOR: Rgb = Rgb(0x00, 0x72, 0xB2);
/// Colour of w₂'s path.
pub const W2_COLOR: Rgb = Rgb(0xD5, 0x5E, 0x00);

/// Draws w₁*(λ) and w₂*(λ) of the current penalty against log₁₀ λ, with a cursor at λ.
pub fn draw_weight_paths<DB: DrawingBackend>(
    view: &WeightSpace,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> ChartResult<DB> {
    let path = view.path(view.regularizer().kind);
    let x: Vec<f64> = path.iter().map(|p| p.lambda.log10()).collect();
    let w1: Vec<f64> = path.iter().map(|p| p.w[0]).collect();
    let w2: Vec<f64> = path.iter().map(|p| p.w[1]).collect();
    let series = [
        Series { name: "w₁*", color: W1_COLOR, x: Some(&x), y: &w1 },
        Series { name: "w₂*", color: W2_COLOR, x: Some(&x), y: &w2 },
    ];
    let chart = LineChart {
        x_label: "log₁₀ λ",
        y_label: "w*",
        cursor: Some(view.lambda().log10()),
        scale,
        ..LineChart::default()
    };
    draw_line_chart(area, &chart, &series)
}

/// Draws the fit's training and held-out error against log₁₀ λ (log scale), with a cursor at
/// the current λ.
pub fn draw_error_curves<DB: DrawingBackend>(
    view: &Simpler,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> ChartResult<DB> {
    let curve = view.error_curve();
    let x: Vec<f64> = curve.iter().map(|e| e.lambda.log10()).collect();
    let train: Vec<f64> = curve.iter().map(|e| e.train).collect();
    let test: Vec<f64> = curve.iter().map(|e| e.test).collect();
    let series = [
        Series { name: "training", color: TRAIN_COLOR, x: Some(&x), y: &train },
        Series { name: "held-out", color: TEST_COLOR, x: Some(&x), y: &test },
    ];
    let chart = LineChart {
        x_label: "log₁₀ λ",
        y_label: "mean squared error",
        log_y: true,
        cursor: Some(view.lambda().log10()),
        scale,
        ..LineChart::default()
    };
    draw_line_chart(area, &chart, &series)
}
