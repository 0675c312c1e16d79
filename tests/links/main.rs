//! Shareable links: the address format, every scene's round trip and malformed links.
//!
//! One test binary per layer (linking each file separately dominated the test build); each
//! module is one former test file.

mod address;
mod bytes;
mod lab_gradient_noise;
mod roundtrip;
mod scenes;
mod state;
