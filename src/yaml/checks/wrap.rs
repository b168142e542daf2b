//! Wrappers around serde_yaml's deserializer and the program's visitors.
//! Each hands everything on unchanged, and on the way calls the program's
//! visitors with the typed error [`Problem`], so a problem arrives as data
//! and is noted where it happened (`Ctx::fail`). The list, map and enum
//! readers are wrapped in `access`.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;

use super::access::{WrapEnum, WrapMap, WrapSeq};
use super::{At, Ctx};
use crate::yaml::problem::{Found, Hint, Problem};

/// Reads `text` into `T` through the wrappers.
pub(super) fn read<'de, T: Deserialize<'de>>(
    text: &'de str,
    ctx: &Ctx<'_>,
) -> Result<T, serde_yaml::Error> {
    T::deserialize(Wrap {
        inner: serde_yaml::Deserializer::from_str(text),
        ctx,
    })
}

struct Wrap<'c, D> {
    inner: D,
    ctx: &'c Ctx<'c>,
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*) => $hint:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let (ctx, hint) = (self.ctx, $hint);
            let inner = WrapVisitor { inner: visitor, ctx, hint };
            let result = self.inner.$method($($arg,)* inner);
            if result.is_err() {
                // The library's own error, if no wrapper inside noted one.
                ctx.fail(Problem::Passed, hint, At::Value);
            }
            result
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Wrap<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any() => Hint::Any;
        deserialize_bool() => Hint::Bool;
        deserialize_i8() => Hint::Signed;
        deserialize_i16() => Hint::Signed;
        deserialize_i32() => Hint::Signed;
        deserialize_i64() => Hint::Signed;
        deserialize_i128() => Hint::Signed;
        deserialize_u8() => Hint::Unsigned;
        deserialize_u16() => Hint::Unsigned;
        deserialize_u32() => Hint::Unsigned;
        deserialize_u64() => Hint::Unsigned;
        deserialize_u128() => Hint::Unsigned;
        deserialize_f32() => Hint::Float;
        deserialize_f64() => Hint::Float;
        deserialize_char() => Hint::Text;
        deserialize_str() => Hint::Text;
        deserialize_string() => Hint::Text;
        deserialize_bytes() => Hint::Any;
        deserialize_byte_buf() => Hint::Any;
        deserialize_option() => Hint::Any;
        deserialize_unit() => Hint::Unit;
        deserialize_unit_struct(name: &'static str) => Hint::Unit;
        deserialize_newtype_struct(name: &'static str) => Hint::Any;
        deserialize_seq() => Hint::Seq;
        deserialize_tuple(len: usize) => Hint::Seq;
        deserialize_tuple_struct(name: &'static str, len: usize) => Hint::Seq;
        deserialize_map() => Hint::Map;
        deserialize_struct(name: &'static str, fields: &'static [&'static str]) => Hint::Struct(fields);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]) => Hint::Enum(variants);
        deserialize_identifier() => Hint::Name;
        deserialize_ignored_any() => Hint::Any;
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

pub(super) struct WrapVisitor<'c, V> {
    pub(super) inner: V,
    pub(super) ctx: &'c Ctx<'c>,
    pub(super) hint: Hint,
}

/// Notes a problem of the program's visitor, handing the library an error
/// that only says "stop here".
fn done<T, E: de::Error>(ctx: &Ctx<'_>, hint: Hint, result: Result<T, Problem>) -> Result<T, E> {
    result.map_err(|p| {
        ctx.fail(p, hint, At::Value);
        E::custom("stopped by the typed checks")
    })
}

macro_rules! visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            let (ctx, hint) = (self.ctx, self.hint);
            done(ctx, hint, self.inner.$method::<Problem>(v))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for WrapVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        let result = self.inner.visit_u128::<Problem>(v);
        done(self.ctx, self.hint, result.map_err(|p| huge(p, v)))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        let result = self.inner.visit_i128::<Problem>(v);
        done(self.ctx, self.hint, result.map_err(|p| huge(p, v)))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        done(self.ctx, self.hint, self.inner.visit_none::<Problem>())
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        done(self.ctx, self.hint, self.inner.visit_unit::<Problem>())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let ctx = self.ctx;
        self.inner.visit_some(Wrap { inner: d, ctx })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let ctx = self.ctx;
        self.inner.visit_newtype_struct(Wrap { inner: d, ctx })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let (ctx, hint) = (self.ctx, self.hint);
        let seq = WrapSeq { seq, ctx, index: 0 };
        done(ctx, hint, self.inner.visit_seq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let (ctx, hint) = (self.ctx, self.hint);
        let fields = match hint {
            Hint::Struct(fields) => Some(fields),
            _ => None,
        };
        let map = WrapMap {
            map,
            ctx,
            fields,
            key: None,
            renamed: Vec::new(),
            seen: HashMap::new(),
            entries: 0,
        };
        done(ctx, hint, self.inner.visit_map(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let (ctx, hint) = (self.ctx, self.hint);
        done(ctx, hint, self.inner.visit_enum(WrapEnum { data, ctx }))
    }
}

/// A number past 64 bits is found as the number it is.
fn huge(problem: Problem, v: impl ToString) -> Problem {
    match problem {
        Problem::WrongType { expected, .. } => Problem::WrongType {
            found: Found::Huge(v.to_string()),
            expected,
        },
        other => other,
    }
}

pub(super) struct WrapSeed<'c, S> {
    pub(super) seed: S,
    pub(super) ctx: &'c Ctx<'c>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let ctx = self.ctx;
        self.seed.deserialize(Wrap { inner: d, ctx })
    }
}
