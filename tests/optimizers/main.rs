//! The optimizers: golden trajectories from torch.optim, the driver, the settings and their properties.
//!
//! One test binary per layer (linking each file separately dominated the test build); each
//! module is one former test file.

mod classifier;
mod eigen;
mod forms;
mod golden;
mod properties;
mod run;
mod settings;
mod stochastic;
