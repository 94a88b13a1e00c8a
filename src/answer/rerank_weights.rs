//! Weights of the passage reranker's linear model, written by `scripts/train_rerank.py`.

/// One weight per feature of the reranker, in the order of `Ranked::features`.
pub const W: [f32; 13] = [
    3.1142, 2.2826, 2.4166, 2.7406, 1.9031, 1.7854, 1.5565, 1.3817, 0.4094, 0.0000, 1.6596, 0.2235,
    1.9214,
];
