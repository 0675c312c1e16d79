//! Numbers as the views show them: rounded to a few decimals, trailing zeros dropped, and the
//! typographic minus sign "−" (U+2212), as on the slides.

/// `v` rounded to at most `decimals` decimals, without trailing zeros, with "−" for negative
/// values; a value that rounds to zero shows as "0", and non-finite values as "∞", "−∞" or
/// "NaN".
///
/// ```
/// use descent::regularization::display::number;
/// assert_eq!(number(5.1 - 3.2 + 1.0, 4), "2.9");
/// assert_eq!(number(-1.7, 4), "−1.7");
/// assert_eq!(number(-0.00001, 4), "0");
/// assert_eq!(number(12.0, 2), "12");
/// ```
pub fn number(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "−∞".into() };
    }
    let mut text = format!("{v:.decimals$}");
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(trimmed);
    }
    if text == "-0" {
        text = "0".into();
    }
    text.replace('-', "−")
}

/// `v` to `digits` significant digits, switching to scientific notation (`1.23×10⁻⁸`) outside
/// 10⁻⁴ ≤ |v| < 10⁶.
///
/// ```
/// use descent::regularization::display::significant;
/// assert_eq!(significant(0.012345, 3), "0.0123");
/// assert_eq!(significant(-3.2e-9, 2), "−3.2×10⁻⁹");
/// assert_eq!(significant(0.0, 3), "0");
/// ```
pub fn significant(v: f64, digits: usize) -> String {
    if v == 0.0 || !v.is_finite() {
        return number(v, 0);
    }
    let exponent = v.abs().log10().floor() as i32;
    if (-4..6).contains(&exponent) {
        let decimals = (digits as i32 - 1 - exponent).max(0) as usize;
        return number(v, decimals);
    }
    let mantissa = v / 10f64.powi(exponent);
    // Rounding may carry the mantissa to 10.
    let (mantissa, exponent) = if number(mantissa.abs(), digits.saturating_sub(1)) == "10" {
        (mantissa / 10.0, exponent + 1)
    } else {
        (mantissa, exponent)
    };
    format!("{}×10{}", number(mantissa, digits.saturating_sub(1)), superscript(exponent))
}

/// An integer in superscript digits, e.g. −8 as "⁻⁸".
pub fn superscript(n: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let sign = if n < 0 { "⁻" } else { "" };
    let digits: String = n.unsigned_abs().to_string().bytes().map(|b| DIGITS[usize::from(b - b'0')]).collect();
    format!("{sign}{digits}")
}

/// `v` exactly as Rust prints it (the shortest text that reads back to the same f64, with an
/// ASCII "-"), for the values that settings report back to their controls.
///
/// ```
/// assert_eq!(descent::regularization::display::plain(-0.0), "0");
/// assert_eq!(descent::regularization::display::plain(0.1 + 0.2), "0.30000000000000004");
/// ```
pub fn plain(v: f64) -> String {
    if v == 0.0 { "0".into() } else { format!("{v}") }
}
