//! Type erasure at the dispatch boundary: each statically composed pipeline is stored
//! behind one object-safe trait, keyed by the request's `TypeId`. Calling it costs one
//! map lookup, one downcast and one boxed future: the only allocation of a `send`.

use crate::behavior::Handler;
use crate::{Behavior, Context, Outcome, Request, RequestHandler, RequestKind};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::pin::Pin;
use std::sync::Arc;

/// A boxed, sendable future: what crosses the type-erased boundary.
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A `HashMap` keyed by `TypeId`, which is already a good hash.
pub(crate) type TypeMap<V> = HashMap<TypeId, V, BuildHasherDefault<TypeIdHasher>>;

/// Passes a `TypeId`'s own bits through instead of hashing them again.
#[derive(Default)]
pub(crate) struct TypeIdHasher(u64);

impl Hasher for TypeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    // `TypeId` writes one u64 today; should that change, mix the bytes (FxHash style)
    // rather than misbehave.
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// A whole pipeline (behaviors and handler) for one request type, type-erased.
pub(crate) trait ErasedPipeline<R: Request>: Send + Sync {
    fn call<'a>(&'a self, request: R, ctx: &'a mut Context) -> BoxFuture<'a, Outcome<R::Response>>;
}

/// The behaviors shared by every pipeline, and one handler.
pub(crate) struct Pipeline<B, H> {
    pub(crate) behaviors: Arc<B>,
    pub(crate) handler: H,
}

impl<R: Request, B: Behavior, H: RequestHandler<R>> ErasedPipeline<R> for Pipeline<B, H> {
    fn call<'a>(&'a self, request: R, ctx: &'a mut Context) -> BoxFuture<'a, Outcome<R::Response>> {
        Box::pin(self.behaviors.handle(request, ctx, Handler(&self.handler)))
    }
}

/// A registered request type. `pipeline` holds a `Box<dyn ErasedPipeline<R>>`.
pub(crate) struct RequestEntry {
    pub(crate) name: &'static str,
    pub(crate) kind: RequestKind,
    pipeline: Box<dyn Any + Send + Sync>,
}

impl RequestEntry {
    pub(crate) fn new<R: Request>(pipeline: Box<dyn ErasedPipeline<R>>) -> Self {
        Self {
            name: R::name(),
            kind: R::KIND,
            pipeline: Box::new(pipeline),
        }
    }

    /// The pipeline, if this entry is for `R` (it always is when found by `R`'s id).
    pub(crate) fn pipeline<R: Request>(&self) -> Option<&dyn ErasedPipeline<R>> {
        let pipeline = self.pipeline.downcast_ref::<Box<dyn ErasedPipeline<R>>>()?;
        Some(pipeline.as_ref())
    }
}
