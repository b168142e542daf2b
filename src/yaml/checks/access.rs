//! The wrappers of serde_yaml's list, map and enum readers: each keeps
//! the path (`Ctx::push`), turns the library's errors into
//! [`Problem::Passed`] (noting where they happened), and a map reads its
//! keys itself, as text, to pass over the unknown ones (`Ctx::read_key`).

use std::collections::HashMap;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, VariantAccess, Visitor,
};

use super::wrap::{WrapSeed, WrapVisitor};
use super::{At, Ctx, Read};
use crate::yaml::problem::{Hint, Problem, Step};

pub(super) struct WrapSeq<'c, A> {
    pub(super) seq: A,
    pub(super) ctx: &'c Ctx<'c>,
    pub(super) index: usize,
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

pub(super) struct WrapMap<'c, A> {
    pub(super) map: A,
    pub(super) ctx: &'c Ctx<'c>,
    /// The fields of the type being read, when it said.
    pub(super) fields: Option<&'static [&'static str]>,
    /// The key whose value comes next, as written.
    pub(super) key: Option<String>,
    /// Fields that typos were read as.
    pub(super) renamed: Vec<&'static str>,
    /// How often each key was written so far.
    pub(super) seen: HashMap<String, usize>,
    /// The entries read so far.
    pub(super) entries: usize,
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

pub(super) struct WrapEnum<'c, A> {
    pub(super) data: A,
    pub(super) ctx: &'c Ctx<'c>,
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

pub(super) struct WrapVariant<'c, A> {
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
