//! The words and characters the reader looks for around and inside a span.

/// Words a span does not start or end with.
pub(super) const EDGE_WORDS: &[&str] = &[
    "的", "了", "是", "在", "和", "与", "及", "等", "也", "都", "就", "而", "被", "把", "对", "为",
    "以", "之", "于", "这", "那", "并", "或", "将", "从", "由", "其", "所", "则", "即", "向", "又",
    "但", "因", "着", "过", "到",
];
/// Characters that join the parts of one token (a transliterated name's dot, a hyphen).
pub(super) const JOINERS: &str = "·‧・•-－";
/// Characters that end a clause or break a sentence (punctuation, brackets, quotes, a line).
pub(super) const BREAKS: &str = crate::corpus::punct::SPAN_BREAKS;
/// Words that link a subject to what it is (X是Y): an answer often follows one.
pub(super) const COPULAS: &[&str] = &[
    "是", "为", "指", "称为", "称", "叫", "叫做", "即", "乃", "名为",
];
/// Characters compared around the wh-phrase and around a span.
pub(super) const WINDOW: usize = 8;
/// Characters of question phrases, left out of the windows.
pub(super) const CUE_CHARS: &str = "什么哪谁几多少何吗";
/// Classifiers between a wh-word and its noun (多少**名**博士, 哪一**條**河).
pub(super) const CLASSIFIERS: &str = "一个种条位家所部本座支间项类些名只次场首颗门件届年样款台辆";
