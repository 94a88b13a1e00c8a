//! Weights of the answerability model, written by `scripts/train_answerable.py`.

/// One weight per feature of [`super::answerable::features`].
pub const W: [f32; super::answerable::FEATURES] = [
    7.53599, 4.00796, 1.45818, 2.28084, -1.64874, 2.43344, 4.94393, 1.02557, 0.00000, -3.36442,
    0.00000, 0.21677, -0.39906, 0.28041, 1.41761, 4.08381, 6.76019,
];
/// Bias, shifted so that a score below 0 means the corpus does not answer.
pub const B: f32 = -11.27781;
