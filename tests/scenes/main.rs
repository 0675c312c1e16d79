//! The scenes' drivers: the classifier lab, the optimizer race and the regularization views.
//!
//! One test binary per layer (linking each file separately dominated the test build); each
//! module is one former test file.

mod heatmap_reference;
mod lab;
mod lab_budget;
mod lab_canvas;
mod lab_csv;
mod lab_csv_import;
mod lab_density;
mod lab_features;
mod lab_gradient_noise;
mod lab_growth;
mod lab_page;
mod lab_points_layer;
mod lab_rates;
mod lab_robustness;
mod lab_schedule_chart;
mod lab_table;
mod lab_training;
mod race;
mod race_budget;
mod race_growth;
mod race_heatmap;
mod race_picture;
mod race_presets;
mod race_rates;
mod race_slice;
mod race_table;
mod regularization_examples;
mod regularization_landscape;
mod regularization_path;
mod regularization_polyfit;
mod regularization_settings;
mod regularization_slice;
