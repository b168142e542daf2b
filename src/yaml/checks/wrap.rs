//! Wrappers around serde_yaml's deserializer, visitors and map, list and
//! enum readers. Each hands everything on unchanged, and on the way keeps
//! the path (`Ctx::push`), calls the program's visitors with the typed
//! error [`Problem`] (so a problem arrives as data), and reads map keys
//! itself, to pass over the unknown ones (`Ctx::read_key`).
//!
//! Map keys are given to the type as text: every map of the program is
//! keyed by names.

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, VariantAccess, Visitor,
};
use std::collections::HashMap;

use super::{At, Ctx, Read};
use crate::yaml::problem::{Found, Hint, Problem, Step};

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

struct WrapVisitor<'c, V> {
    inner: V,
    ctx: &'c Ctx<'c>,
    hint: Hint,
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

struct WrapSeed<'c, S> {
    seed: S,
    ctx: &'c Ctx<'c>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let ctx = self.ctx;
        self.seed.deserialize(Wrap { inner: d, ctx })
    }
}

struct WrapSeq<'c, A> {
    seq: A,
    ctx: &'c Ctx<'c>,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WrapSeq<'_, A> {
    type Error = Problem;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Problem> {
        let ctx = self.ctx;
        ctx.push(Step::Index(self.index));
        let result = self.seq.next_element_seed(WrapSeed { seed, ctx });
        let result = result.map_err(|_| ctx.passed());
        ctx.pop();
        self.index += 1;
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

struct WrapMap<'c, A> {
    map: A,
    ctx: &'c Ctx<'c>,
    /// The fields of the type being read, when it said.
    fields: Option<&'static [&'static str]>,
    /// The key whose value comes next, as written.
    key: Option<String>,
    /// Fields that typos were read as.
    renamed: Vec<&'static str>,
    /// How often each key was written so far.
    seen: HashMap<String, usize>,
    /// The entries read so far.
    entries: usize,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WrapMap<'_, A> {
    type Error = Problem;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        let ctx = self.ctx;
        loop {
            let key = match self.map.next_key_seed(KeyText) {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(None),
                Err(_) => {
                    let entry = At::Entry(self.entries);
                    return Err(ctx.fail(Problem::Passed, Hint::Name, entry));
                }
            };
            self.entries += 1;
            let seen = self.seen.entry(key.clone()).or_default();
            let nth = *seen;
            *seen += 1;
            let name = match ctx.read_key(self.fields, &key, nth, &self.renamed) {
                Read::As(name) => name,
                Read::Rename(field) => {
                    self.renamed.push(field);
                    field.to_string()
                }
                Read::Skip => {
                    self.map
                        .next_value::<IgnoredAny>()
                        .map_err(|_| ctx.passed())?;
                    continue;
                }
            };
            self.key = Some(key.clone());
            let given = IntoDeserializer::<'de, Problem>::into_deserializer(name);
            return seed
                .deserialize(given)
                .map(Some)
                .map_err(|p| ctx.fail(p, Hint::Name, At::Key(key, nth)));
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Problem> {
        let ctx = self.ctx;
        ctx.push(Step::Key(self.key.take().unwrap_or_default()));
        let result = self.map.next_value_seed(WrapSeed { seed, ctx });
        let result = result.map_err(|_| ctx.passed());
        ctx.pop();
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads a map key as text.
struct KeyText;

impl<'de> DeserializeSeed<'de> for KeyText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyText {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
}

struct WrapEnum<'c, A> {
    data: A,
    ctx: &'c Ctx<'c>,
}

impl<'c, 'de, A: EnumAccess<'de>> EnumAccess<'de> for WrapEnum<'c, A> {
    type Error = Problem;
    type Variant = WrapVariant<'c, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Problem> {
        let ctx = self.ctx;
        match self.data.variant_seed(WrapSeed { seed, ctx }) {
            Ok((value, variant)) => Ok((value, WrapVariant { variant, ctx })),
            Err(_) => Err(ctx.passed()),
        }
    }
}

struct WrapVariant<'c, A> {
    variant: A,
    ctx: &'c Ctx<'c>,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for WrapVariant<'_, A> {
    type Error = Problem;

    fn unit_variant(self) -> Result<(), Problem> {
        self.variant.unit_variant().map_err(|_| self.ctx.passed())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Problem> {
        let ctx = self.ctx;
        let result = self.variant.newtype_variant_seed(WrapSeed { seed, ctx });
        result.map_err(|_| ctx.passed())
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Problem> {
        let ctx = self.ctx;
        let visitor = WrapVisitor {
            inner: visitor,
            ctx,
            hint: Hint::Seq,
        };
        let result = self.variant.tuple_variant(len, visitor);
        result.map_err(|_| ctx.passed())
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Problem> {
        let ctx = self.ctx;
        let visitor = WrapVisitor {
            inner: visitor,
            ctx,
            hint: Hint::Struct(fields),
        };
        let result = self.variant.struct_variant(fields, visitor);
        result.map_err(|_| ctx.passed())
    }
}
