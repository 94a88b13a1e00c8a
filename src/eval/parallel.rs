//! Spreading the questions over every core.

use super::items::Item;
use crate::{Error, Result};

/// Maps `f` over the items on every core, keeping their order.
pub(super) fn par_map<T: Send>(
    items: &[Item],
    f: impl Fn(usize, &Item) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let chunk = items.len().div_ceil(threads).max(1);
    let f = &f;
    let partials: Vec<Result<Vec<T>>> = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, item)| f(c * chunk + i, item))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Corrupt("evaluation thread panicked".into())))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for p in partials {
        out.extend(p?);
    }
    Ok(out)
}
