//! Weights of the answerability model, written by `scripts/train_answerable.py`.

/// One weight per feature of [`super::answerable::features`].
pub const W: [f32; super::answerable::FEATURES] = [
    8.61062, 2.64398, 0.92032, -0.03129, -1.87194, 0.03129, 5.45380, 0.80133, 0.00000, -2.52964,
    0.00000, 0.23442, -0.48431, -0.15836, 1.88810, 4.10563, 6.57154,
];
/// Bias, shifted so that a score below 0 means the corpus does not answer.
pub const B: f32 = -9.19390;
