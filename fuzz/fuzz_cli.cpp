// parseCli on arbitrary argument lists (the input split on NUL or newline): only
// ArgumentError may come out, and when parsing succeeds, --click-at must parse again.

#include <cstdint>
#include <string>
#include <vector>

#include "core/cli/cli.h"
#include "core/support/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\0' || data[i] == '\n') args.emplace_back();
        else args.back().push_back(static_cast<char>(data[i]));
    }
    if (args.back().empty()) args.pop_back();
    try {
        const myomap::CliOptions o = myomap::parseCli(args);
        if (o.clickAt) myomap::parsePixel(*o.clickAt);
    } catch (const myomap::ArgumentError&) {
    }
    return 0;
}
