//! Weights of the passage reranker's linear model, written by `scripts/train_rerank.py`.

/// One weight per feature of [`super::rerank::Ranked::features`].
pub const W: [f32; super::rerank::FEATURES] = [
    3.2370, 2.3613, 2.8637, 2.9986, 1.9359, 1.7962, 1.4988, 1.3915, 0.6131, 0.0000, 1.7750, 0.2290,
];
