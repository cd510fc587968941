#include "core/knowledge/side_text.h"

#include <algorithm>
#include <cctype>

namespace myomap {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isWordChar(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '\''; }

struct Word {
    std::size_t offset;
    std::string text;  ///< lower case
};

std::vector<Word> splitWords(const std::string& text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {  // a token is not a word
            const std::size_t end = text.find('}', i);
            if (end != std::string::npos) {
                words.push_back({i, "{token}"});
                i = end + 1;
                continue;
            }
        }
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && isWordChar(text[i])) ++i;
        words.push_back({start, lower(text.substr(start, i - start))});
    }
    return words;
}

bool oneOf(const std::string& w, std::initializer_list<const char*> list) {
    return std::any_of(list.begin(), list.end(), [&](const char* s) { return w == s; });
}

}  // namespace

std::string renderForSide(const std::string& text, Side side) {
    if (text.find('{') == std::string::npos) return text;
    const char* sore = side == Side::Left ? "left" : side == Side::Right ? "right" : "sore-side";
    const char* other = side == Side::Left ? "right" : side == Side::Right ? "left" : "other-side";
    auto capital = [](std::string s) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        return s;
    };
    const std::pair<std::string, std::string> tokens[] = {
        {"{sore}", sore}, {"{other}", other}, {"{Sore}", capital(sore)}, {"{Other}", capital(other)}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [token, word] : tokens)
            if (text.compare(i, token.size(), token) == 0) {
                out += word;
                i += token.size();
                replaced = true;
                break;
            }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::vector<std::string> renderForSide(const std::vector<std::string>& texts, Side side) {
    std::vector<std::string> out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(renderForSide(t, side));
    return out;
}

bool hasSideToken(const std::string& text) {
    for (const char* t : {"{sore}", "{other}", "{Sore}", "{Other}"})
        if (text.find(t) != std::string::npos) return true;
    return false;
}

std::vector<BareSideWord> findBareSideWords(const std::string& text) {
    const std::vector<Word> words = splitWords(text);
    std::vector<BareSideWord> found;
    auto at = [&](std::size_t i) -> const std::string& {
        static const std::string none;
        return i < words.size() ? words[i].text : none;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i].text;
        if (w != "left" && w != "right") continue;
        const std::string& prev = i > 0 ? words[i - 1].text : at(words.size());
        const std::string& next = at(i + 1);
        // "left and right", "right or left": both sides, not one.
        const bool pair = ((next == "and" || next == "or") && (at(i + 2) == "left" || at(i + 2) == "right")) ||
                          ((prev == "and" || prev == "or") && i >= 2 && (words[i - 2].text == "left" || words[i - 2].text == "right"));
        bool excused = pair;
        if (w == "right") {
            // "right under the bone", "right away", "right angle": an adverb or "correct".
            excused = excused || oneOf(next, {"angle", "angles", "angled", "away", "now", "after", "before", "under", "over",
                                             "below", "above", "behind", "beside", "next", "at", "on", "in", "into", "through",
                                             "there", "here", "where"});
            excused = excused || (prev == "the" && oneOf(next, {"amount", "spot", "place", "way", "size", "time", "height"}));
        } else {
            // "is left alone", "left over": the verb, not the side.
            excused = excused || oneOf(prev, {"is", "are", "was", "were", "be", "been", "get", "gets", "got", "has", "have",
                                             "had", "keep", "keeps"});
            excused = excused || oneOf(next, {"over", "alone", "untreated"});
        }
        if (!excused) found.push_back({words[i].offset, w});
    }
    return found;
}

}  // namespace myomap
