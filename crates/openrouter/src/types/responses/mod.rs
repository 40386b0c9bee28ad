//! The Responses API (`POST /responses`, the OpenAI Responses shape OpenRouter calls
//! "OpenResponses"): the request, the result, its output items and the stream events.
//!
//! The API is stateless: `previous_response_id` is rejected and `store` is always `false`,
//! so every request carries the whole conversation in `input`.

mod events;
mod input;
mod output;
mod request;
mod result;
mod tools;

pub use events::*;
pub use input::*;
pub use output::*;
pub use request::*;
pub use result::*;
pub use tools::*;

/// Chained setters for `Option` fields: `name: Type` takes `impl Into<Type>`, `name: [Item]`
/// any iterator of `impl Into<Item>`, and `name: u32` / `u64` / `f64` the plain number so that
/// literals infer.
macro_rules! setters {
    () => {};
    ($name:ident : [$item:ty] $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name<I>(mut self, values: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<$item>,
        {
            self.$name = Some(values.into_iter().map(Into::into).collect());
            self
        }
        $(setters!($($rest)*);)?
    };
    ($name:ident : u32 $(, $($rest:tt)*)?) => { setters!(@direct $name: u32 $(, $($rest)*)?); };
    ($name:ident : u64 $(, $($rest:tt)*)?) => { setters!(@direct $name: u64 $(, $($rest)*)?); };
    ($name:ident : f64 $(, $($rest:tt)*)?) => { setters!(@direct $name: f64 $(, $($rest)*)?); };
    ($name:ident : bool $(, $($rest:tt)*)?) => { setters!(@direct $name: bool $(, $($rest)*)?); };
    (@direct $name:ident : $ty:ty $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = Some(value);
            self
        }
        $(setters!($($rest)*);)?
    };
    ($name:ident : $ty:ty $(, $($rest:tt)*)?) => {
        #[doc = concat!("Sets `", stringify!($name), "` (see the field).")]
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$name = Some(value.into());
            self
        }
        $(setters!($($rest)*);)?
    };
}

pub(crate) use setters;
