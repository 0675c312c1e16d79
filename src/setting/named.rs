//! Names for the values of an enum setting (a loss, a dataset, a schedule): one table per
//! enum, written once with [`named!`](crate::named), gives each value its name (what links
//! and controls carry), its label (what people read), the list of all values in the order
//! menus show them, `FromStr` and `Display`.

/// An enum whose values have names and labels.
pub trait Named: Sized + Copy + 'static {
    /// What the values are called in messages: "loss", "dataset", "schedule".
    const KIND: &'static str;
    /// Every value, in the order menus list them.
    const ALL: &'static [Self];

    /// The value's name, as links and controls carry it.
    fn name(self) -> &'static str;

    /// The value's label, as menus show it.
    fn label(self) -> &'static str;

    /// The value named `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.name() == name)
    }
}

/// The message for a name that is none of `T`'s: `unknown loss "hinge" (expected one of: svm,
/// ova, structured, softmax)`.
pub fn unknown<T: Named>(name: &str) -> String {
    let names: Vec<&str> = T::ALL.iter().map(|t| t.name()).collect();
    format!("unknown {} \"{name}\" (expected one of: {})", T::KIND, names.join(", "))
}

/// A name that is none of an enum's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName(pub String);

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnknownName {}

/// Declares an enum whose values have names and labels: `ALL` (an array), `name()` and
/// `label()`, [`Named`], `FromStr` (refusing an unknown name with [`UnknownName`], which lists
/// the names) and `Display` (the name).
///
/// ```
/// descent::named! {
///     /// A colour.
///     #[derive(Default)]
///     pub enum Colour: "colour" {
///         /// Red.
///         #[default]
///         Red = "red", "Bright red";
///         /// Blue.
///         Blue = "blue", "Deep blue";
///     }
/// }
/// use descent::setting::Named;
/// assert_eq!("blue".parse::<Colour>().unwrap(), Colour::Blue);
/// assert_eq!(Colour::Red.label(), "Bright red");
/// assert_eq!(Colour::default().to_string(), "red");
/// let e = "green".parse::<Colour>().unwrap_err().to_string();
/// assert_eq!(e, "unknown colour \"green\" (expected one of: red, blue)");
/// ```
#[macro_export]
macro_rules! named {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $kind:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal, $label:literal;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order menus list them.
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The value's name, as links and controls carry it.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)+
                }
            }

            /// The value's label, as menus show it.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl $crate::setting::named::Named for $name {
            const KIND: &'static str = $kind;
            const ALL: &'static [Self] = &$name::ALL;

            fn name(self) -> &'static str {
                $name::name(self)
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::setting::named::Named::name(*self))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::setting::named::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::setting::named::Named>::from_name(s)
                    .ok_or_else(|| $crate::setting::named::UnknownName($crate::setting::named::unknown::<$name>(s)))
            }
        }
    };
}
