//! The line chart drawn into an SVG string: where its lines, ticks, cursor and legend land.

use descent::render::chart::{LineChart, Plotted, Series, draw_line_chart};
use descent::render::palette::Rgb;
use plotters::prelude::*;

const BLUE: Rgb = Rgb(0x00, 0x72, 0xB2);
const ORANGE: Rgb = Rgb(0xD5, 0x5E, 0x00);

/// Draws a 480 × 280 chart and returns the SVG text and where the data went.
fn draw(chart: &LineChart<'_>, series: &[Series<'_>]) -> (String, Plotted) {
    let mut svg = String::new();
    let plotted = {
        let area = SVGBackend::with_string(&mut svg, (480, 280)).into_drawing_area();
        draw_line_chart(&area, chart, series).expect("an SVG string never fails")
    };
    (svg, plotted)
}

/// The points of every polyline stroked in `color`, in document order.
fn polylines(svg: &str, color: Rgb) -> Vec<Vec<[f64; 2]>> {
    let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2);
    svg.lines()
        .filter(|line| line.starts_with("<polyline") && line.contains(&stroke))
        .map(|line| {
            let points = line.split("points=\"").nth(1).unwrap().split('"').next().unwrap();
            points
                .split_whitespace()
                .map(|pair| {
                    let (x, y) = pair.split_once(',').unwrap();
                    [x.parse().unwrap(), y.parse().unwrap()]
                })
                .collect()
        })
        .collect()
}

/// The texts of the SVG's labels.
fn labels(svg: &str) -> Vec<String> {
    let lines: Vec<&str> = svg.lines().collect();
    lines.windows(2).filter(|w| w[0].starts_with("<text")).map(|w| w[1].trim().to_string()).collect()
}

fn assert_near(got: [f64; 2], want: [f64; 2], what: &str) {
    assert!((got[0] - want[0]).abs() <= 1.0 && (got[1] - want[1]).abs() <= 1.0, "{what}: {got:?} vs {want:?}");
}

#[test]
fn a_linear_chart_puts_each_point_where_the_axes_say() {
    let y = [3.0, 1.0, 2.0, 0.5];
    let x = [0.0, 10.0, 20.0, 40.0];
    let series = [Series { name: "data", color: BLUE, x: Some(&x), y: &y }];
    let (svg, plotted) = draw(&LineChart::default(), &series);
    // The x axis spans the data; the y axis starts at 0 (all values ≥ 0) with 5% headroom.
    assert_eq!(plotted.x, [0.0, 40.0]);
    assert!((plotted.y[0] - 0.0).abs() < 1e-12 && (plotted.y[1] - 3.15).abs() < 1e-12, "{:?}", plotted.y);
    let lines = polylines(&svg, BLUE);
    assert_eq!(lines.len(), 2, "the series and its legend sample");
    assert_eq!(lines[0].len(), 4);
    for (i, p) in lines[0].iter().enumerate() {
        assert_near(*p, plotted.to_pixel(x[i], y[i]).unwrap(), &format!("point {i}"));
    }
    // The first point sits on the left edge of the plot, the last on the right edge.
    assert_eq!(lines[0][0][0], f64::from(plotted.rect[0]));
    assert_eq!(lines[0][3][0], f64::from(plotted.rect[2]));
    let texts = labels(&svg);
    for tick in ["0", "10", "20", "30", "40", "1", "2", "3"] {
        assert!(texts.iter().any(|t| t == tick), "tick label {tick} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "data"), "legend");
}

#[test]
fn a_log_chart_spaces_decades_equally_and_labels_them() {
    let y = [100.0, 10.0, 1.0, 0.1, 0.01];
    let series = [Series { name: "loss", color: BLUE, x: None, y: &y }];
    let (svg, plotted) = draw(&LineChart { log_y: true, ..LineChart::default() }, &series);
    let line = &polylines(&svg, BLUE)[0];
    assert_eq!(line.len(), 5);
    let drops: Vec<f64> = line.windows(2).map(|w| w[1][1] - w[0][1]).collect();
    for d in &drops {
        assert!((d - drops[0]).abs() <= 1.0, "equal steps per decade: {drops:?}");
    }
    assert!(drops[0] > 20.0);
    // Four decades of data, 5% padding each side: log₁₀ y from −2.2 to 2.2.
    assert!((plotted.y[0] + 2.2).abs() < 1e-12 && (plotted.y[1] - 2.2).abs() < 1e-12);
    let texts = labels(&svg);
    for tick in ["0.01", "0.1", "1", "10", "100"] {
        assert!(texts.iter().any(|t| t == tick), "decade label {tick} in {texts:?}");
    }
}

#[test]
fn a_log_chart_over_less_than_two_decades_gets_one_two_five_ticks() {
    let y = [0.9, 0.6, 0.45, 0.3];
    let series = [Series { name: "loss", color: BLUE, x: None, y: &y }];
    let (svg, plotted) = draw(&LineChart { log_y: true, ..LineChart::default() }, &series);
    let texts = labels(&svg);
    // 1-2-5 steps of 0.2 between 0.3 and 0.9 (about five ticks), each at its logarithm.
    for tick in ["0.4", "0.6", "0.8"] {
        assert!(texts.iter().any(|t| t == tick), "tick {tick} in {texts:?}");
    }
    let line = &polylines(&svg, BLUE)[0];
    assert!(texts.iter().all(|t| !t.is_empty()), "no empty captions: {texts:?}");
    assert_near(line[1], plotted.to_pixel(1.0, 0.6).unwrap(), "0.6");
}

#[test]
fn values_a_scale_cannot_show_break_the_line() {
    let y = [1.0, 0.5, 0.0, 0.25, f64::NAN, 0.1, 0.05];
    let series = [Series { name: "data", color: BLUE, x: None, y: &y }];
    // Linear: only the NaN breaks the line.
    let (svg, _) = draw(&LineChart { legend: false, ..LineChart::default() }, &series);
    let lengths: Vec<usize> = polylines(&svg, BLUE).iter().map(Vec::len).collect();
    assert_eq!(lengths, vec![4, 2]);
    // Log: 0 breaks it too.
    let (svg, plotted) = draw(&LineChart { log_y: true, legend: false, ..LineChart::default() }, &series);
    let lines = polylines(&svg, BLUE);
    let lengths: Vec<usize> = lines.iter().map(Vec::len).collect();
    assert_eq!(lengths, vec![2, 2, 2], "[1, 0.5], a lone 0.25 as a dot, [0.1, 0.05]");
    assert_eq!(lines[1][0], lines[1][1]);
    assert_near(lines[1][0], plotted.to_pixel(3.0, 0.25).unwrap(), "the lone point");
    assert_eq!(plotted.to_pixel(2.0, 0.0), None);
}

#[test]
fn the_cursor_is_a_vertical_dashed_line_at_its_x() {
    let y = [0.1, 0.1, 0.05, 0.05, 0.025];
    let cursor = Rgb(0x55, 0x55, 0x5F);
    let series = [Series { name: "learning rate", color: ORANGE, x: None, y: &y }];
    let chart = LineChart { cursor: Some(3.0), legend: false, ..LineChart::default() };
    let (svg, plotted) = draw(&chart, &series);
    let dashes = polylines(&svg, cursor);
    assert!(dashes.len() > 5, "dashes: {}", dashes.len());
    let x = plotted.to_pixel(3.0, 0.05).unwrap()[0];
    for dash in &dashes {
        assert!(dash.iter().all(|p| (p[0] - x).abs() <= 1.0), "{dash:?} at x = {x}");
    }
    let top = dashes.iter().flatten().map(|p| p[1]).fold(f64::INFINITY, f64::min);
    let bottom = dashes.iter().flatten().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max);
    assert!(top - f64::from(plotted.rect[1]) <= 2.0 && f64::from(plotted.rect[3]) - bottom <= 2.0);
    // A cursor outside the x range is not drawn.
    let (svg, _) = draw(&LineChart { cursor: Some(9.0), ..chart }, &series);
    assert!(polylines(&svg, cursor).is_empty());
}

#[test]
fn several_series_share_the_axes_and_the_legend_names_each() {
    let total = [5.0, 3.0, 2.0];
    let data = [4.0, 2.0, 1.5];
    let series = [
        Series { name: "total", color: BLUE, x: None, y: &total },
        Series { name: "data", color: ORANGE, x: None, y: &data },
    ];
    let (svg, plotted) = draw(&LineChart { x_label: "step", y_label: "loss", ..LineChart::default() }, &series);
    assert!((plotted.y[1] - 5.25).abs() < 1e-12, "the y range covers both: {:?}", plotted.y);
    assert_near(polylines(&svg, ORANGE)[0][2], plotted.to_pixel(2.0, 1.5).unwrap(), "data's last point");
    let texts = labels(&svg);
    for text in ["total", "data", "step", "loss"] {
        assert!(texts.iter().any(|t| t == text), "{text} in {texts:?}");
    }
}

#[test]
fn long_series_are_thinned_without_changing_the_picture() {
    let n = 100_000;
    let y: Vec<f64> = (0..n).map(|i| 2.0 + (i as f64 * 0.37).sin() / (1.0 + i as f64 / 1000.0)).collect();
    let series = [Series { name: "noisy", color: BLUE, x: None, y: &y }];
    let (svg, plotted) = draw(&LineChart { legend: false, ..LineChart::default() }, &series);
    let line = &polylines(&svg, BLUE)[0];
    let width = (plotted.rect[2] - plotted.rect[0]) as usize;
    assert!(line.len() <= 4 * (width + 1), "{} points for {width} columns", line.len());
    // The envelope survives: the highest and lowest pixels are those of the extreme values.
    let max = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = y.iter().copied().fold(f64::INFINITY, f64::min);
    let top = line.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
    let bottom = line.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max);
    assert!((top - plotted.to_pixel(0.0, max).unwrap()[1]).abs() <= 1.0);
    assert!((bottom - plotted.to_pixel(0.0, min).unwrap()[1]).abs() <= 1.0);
    // The last point is the series' last value.
    assert_near(*line.last().unwrap(), plotted.to_pixel((n - 1) as f64, y[n - 1]).unwrap(), "last point");
}

#[test]
fn a_given_x_range_clips_the_series_and_fixes_the_axis() {
    let y: Vec<f64> = (0..50).map(f64::from).collect();
    let series = [Series { name: "y = x", color: BLUE, x: None, y: &y }];
    let (svg, plotted) =
        draw(&LineChart { x_range: Some([10.0, 20.0]), legend: false, ..LineChart::default() }, &series);
    assert_eq!(plotted.x, [10.0, 20.0]);
    // The y range follows the visible points only: 0 (all ≥ 0) to 20 plus 5%.
    assert!((plotted.y[1] - 21.0).abs() < 1e-12, "{:?}", plotted.y);
    let line = &polylines(&svg, BLUE)[0];
    assert_eq!(line.len(), 11);
    assert!((plotted.x_at(line[5][0]) - 15.0).abs() < 0.1);
}

#[test]
fn empty_and_degenerate_input_draws_axes_without_failing() {
    let flat = [2.0, 2.0, 2.0];
    let negative = [-1.0, -2.0];
    let huge = [1e300, f64::INFINITY, 1e-300];
    for (y, log) in [
        (&[][..], false),
        (&[][..], true),
        (&flat[..], false),
        (&flat[..], true),
        (&negative[..], true),
        (&huge[..], true),
        (&huge[..], false),
    ] {
        let series = [Series { name: "s", color: BLUE, x: None, y }];
        let (svg, plotted) = draw(&LineChart { log_y: log, legend: false, ..LineChart::default() }, &series);
        assert!(plotted.x[1] > plotted.x[0] && plotted.y[1] > plotted.y[0], "{y:?} log={log}: {plotted:?}");
        assert!(plotted.y.iter().all(|v| v.is_finite()));
        assert!(svg.contains("</svg>"));
    }
    // A flat series: a linear axis from 0 with headroom, a log axis a decade around it, and
    // an all-zero loss on [0, 1].
    let series = [Series { name: "s", color: BLUE, x: None, y: &flat }];
    let (_, plotted) = draw(&LineChart::default(), &series);
    assert!((plotted.y[1] - 2.1).abs() < 1e-12 && plotted.y[0] == 0.0);
    let zeros = [0.0; 4];
    let (_, plotted) = draw(&LineChart::default(), &[Series { name: "s", color: BLUE, x: None, y: &zeros }]);
    assert_eq!(plotted.y, [0.0, 1.0]);
    let (_, plotted) = draw(&LineChart { log_y: true, ..LineChart::default() }, &series);
    assert!((plotted.y[0] + plotted.y[1] - 2.0 * 2f64.log10()).abs() < 1e-12);
}
