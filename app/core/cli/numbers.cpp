#include "core/cli/numbers.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "core/support/errors.h"

namespace myomap {

namespace {
std::string range(double min, double max) {
    auto text = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };
    return text(min) + " to " + text(max);
}
}  // namespace

long long parseInteger(const std::string& text, long long min, long long max, const std::string& what) {
    long long v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || v < min || v > max)
        throw ArgumentError(what + " '" + text + "' must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return v;
}

double parseReal(const std::string& text, double min, double max, const std::string& what) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v) || v < min || v > max)
        throw ArgumentError(what + " '" + text + "' must be a number from " + range(min, max));
    return v;
}

}  // namespace myomap
