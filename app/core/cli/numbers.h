#pragma once
// Strict number arguments: the whole text must be one number within the range, so a typo,
// an overflow ("99999999999"), "nan" or "inf" is an ArgumentError naming the argument.

#include <string>

namespace myomap {

/// An integer in [min, max]; `what` names the argument in the message.
long long parseInteger(const std::string& text, long long min, long long max, const std::string& what);
/// A finite number in [min, max].
double parseReal(const std::string& text, double min, double max, const std::string& what);

}  // namespace myomap
