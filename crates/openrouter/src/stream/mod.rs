//! Typed streams and the accumulator that folds them into a final result.

mod accumulator;

pub use accumulator::ChatAccumulator;
