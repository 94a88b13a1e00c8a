//! Weights of the answerability model, written by `scripts/train_answerable.py`.

/// One weight per feature of the answerability model, in the order of its `features`.
pub const W: [f32; 18] = [
    7.73693, 3.71276, 1.28562, 2.38712, -1.27367, 2.32045, 4.73417, 1.24781, 0.00000, -3.40675,
    0.00000, 0.29989, -0.42448, 0.30899, 1.43192, 4.04854, 6.50774, -2.18162,
];
/// Bias, shifted so that a score below 0 means the corpus does not answer.
pub const B: f32 = -11.24979;
