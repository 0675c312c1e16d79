//! Shareable links for the regularization scene's views (see [`crate::link`]).

use wasm_bindgen::prelude::*;

use super::super::link::linkable;
use super::calculator::CalculatorView;
use super::gradient::NumericGradientView;
use super::landscape::LandscapeView;
use super::preferences::PreferencesView;
use super::simpler::SimplerView;
use super::weights::WeightSpaceView;

linkable!(WeightSpaceView, view);
linkable!(PreferencesView, preferences);
linkable!(SimplerView, view);
linkable!(LandscapeView, view);
linkable!(NumericGradientView, view);
linkable!(CalculatorView, calculator);
