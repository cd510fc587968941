#include "readability.h"

#include <algorithm>
#include <cctype>

namespace myomap {

namespace {
int syllables(const std::string& word) {
    // Vowel groups, minus a silent final 'e'; at least one per word.
    int count = 0;
    bool prevVowel = false;
    for (char c : word) {
        const bool vowel = std::string("aeiouy").find(static_cast<char>(std::tolower(static_cast<unsigned char>(c)))) != std::string::npos;
        if (vowel && !prevVowel) ++count;
        prevVowel = vowel;
    }
    if (word.size() > 2 && std::tolower(static_cast<unsigned char>(word.back())) == 'e' &&
        std::string("aeiouy").find(static_cast<char>(std::tolower(static_cast<unsigned char>(word[word.size() - 2])))) == std::string::npos &&
        !(word.size() > 3 && std::tolower(static_cast<unsigned char>(word[word.size() - 2])) == 'l'))
        --count;
    return std::max(1, count);
}
}  // namespace

double fleschKincaidGrade(const std::string& text) {
    int words = 0, sentences = 0, syl = 0;
    std::string word;
    bool inSentence = false;
    auto flushWord = [&]() {
        if (word.empty()) return;
        ++words;
        syl += syllables(word);
        word.clear();
        inSentence = true;
    };
    for (char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
            word.push_back(c);
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            // Numbers read as one short word.
            if (word.empty()) word = "n";
        } else {
            flushWord();
            if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':') && inSentence) {
                ++sentences;
                inSentence = false;
            }
        }
    }
    flushWord();
    if (inSentence) ++sentences;
    if (words == 0) return 0.0;
    return 0.39 * double(words) / std::max(1, sentences) + 11.8 * double(syl) / words - 15.59;
}

}  // namespace myomap
