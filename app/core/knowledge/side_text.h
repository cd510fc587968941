#pragma once
// Side-aware text. Content is written once with `{sore}` and `{other}` for the selected
// side and its opposite; every output (panel, plan, query) renders it for one side, so a
// left-side selection never reads right-side instructions.

#include <string>
#include <vector>

#include "core/anatomy/catalog.h"

namespace myomap {

/// Replaces `{sore}`/`{other}` (and `{Sore}`/`{Other}` at a sentence start) with "right" and
/// "left" for Side::Right, the other way round for Side::Left, and "sore-side"/"other-side"
/// for Side::None. Text without tokens comes back unchanged.
std::string renderForSide(const std::string& text, Side side);
std::vector<std::string> renderForSide(const std::vector<std::string>& texts, Side side);

/// True when `text` holds a side token.
bool hasSideToken(const std::string& text);

/// A body-side word ("left", "right") that is not side-aware, found in text.
struct BareSideWord {
    std::size_t offset = 0;  ///< byte offset of the word in the text
    std::string word;
};

/// Every "left"/"right" in `text` that names a body side, that is, every one not excused by
/// the rules for other meanings ("right angle", "right under the bone", "the right amount",
/// "is left alone", "left and right"). Tokens are not words, so `{sore}` never counts.
std::vector<BareSideWord> findBareSideWords(const std::string& text);

}  // namespace myomap
