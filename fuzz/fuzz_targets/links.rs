//! What every link target checks: a link's hash, read from arbitrary bytes, opens on a fresh
//! scene without a panic, every refusal explained (one notice for all); and the scene it
//! opens links back to a link that opens as the same link (equal states, equal links).

use descent::link::address::{Address, format_query};
use descent::link::{Linkable, link, notice, open_query};

/// Opens the hash in `bytes` on `scene` and checks the round trip.
pub fn open_and_relink<T: Linkable>(mut scene: T, bytes: &[u8]) {
    let hash = String::from_utf8_lossy(bytes);
    let address = Address::parse(&hash);
    let refusals = open_query(&mut scene, &address.query);
    if let Some(text) = notice(&refusals) {
        assert!(!text.is_empty());
    }
    let text = format_query(&link(&scene));
    let mut copy = scene.blank();
    let refused = open_query(&mut copy, &text);
    assert!(refused.is_empty(), "{text}: {refused:?}");
    assert_eq!(format_query(&link(&copy)), text, "equal states, equal links");
}
