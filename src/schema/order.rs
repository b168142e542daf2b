//! The order of a struct's fields, as serde knows it: the names its
//! derived `Deserialize` hands to `deserialize_struct`, caught by a
//! deserializer that reads nothing. It gives the forms their order
//! (`x-bitimger-order`): the order the fields are declared in, which is
//! the order of CONTENT-FORMAT.md.
//!
//! Part of layer 4 (`schema`).

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// Why the probe stops: it has what it wanted, or the type is no struct.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field order probe")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// A deserializer that only notes the field names a struct asks for.
struct Probe<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The fields of the struct `T`, in the order it declares them (empty for
/// a type that is no struct).
pub(super) fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut found = None;
    let _ = T::deserialize(Probe(&mut found));
    found.unwrap_or_default()
}

/// `lookup!(name; A, B, …)`: the fields of the type among `A, B, …` whose
/// schema name is `name`.
macro_rules! lookup {
    ($name:expr; $($t:ty),* $(,)?) => {{
        let name: &str = $name;
        let mut found = None;
        $(
            if found.is_none() && name == <$t as schemars::JsonSchema>::schema_name() {
                found = Some($crate::schema::order::fields::<$t>());
            }
        )*
        found
    }};
}

pub(super) use lookup;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Three {
        zeta: u8,
        alpha: Option<String>,
        mid: Vec<u8>,
    }

    #[test]
    fn finds_the_declared_order() {
        assert_eq!(fields::<Three>(), ["zeta", "alpha", "mid"]);
        assert!(fields::<String>().is_empty());
    }
}
