// Pack::readBytes on arbitrary bytes: only PackError naming the file may come out.
// The checksum rejects almost every mutation, so inputs starting with 'P' are taken as a
// payload and wrapped in a header with the right size and checksum: that reaches the parser.

#include <cstdint>
#include <cstring>
#include <vector>

#include "core/anatomy/pack.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

namespace {

std::vector<std::uint8_t> wrapPayload(const std::uint8_t* data, std::size_t size) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64, as the pack header holds
    for (std::size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 0x100000001b3ULL;
    std::vector<std::uint8_t> out = {'M', 'Y', 'O', 'P', 'A', 'C', 'K', '1'};
    auto put = [&](const void* p, std::size_t n) { out.insert(out.end(), static_cast<const std::uint8_t*>(p), static_cast<const std::uint8_t*>(p) + n); };
    const std::uint32_t version = myomap::Pack::kVersion;
    const std::uint64_t length = size;
    put(&version, 4);
    put(&length, 8);
    put(&hash, 8);
    put(data, size);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> bytes =
        size > 0 && data[0] == 'P' ? wrapPayload(data + 1, size - 1) : std::vector<std::uint8_t>(data, data + size);
    try {
        myomap::Pack::readBytes(bytes.data(), bytes.size(), "fuzz.pack");
    } catch (const myomap::PackError& e) {
        myomap::fuzz::requireNamed(e.what(), "fuzz.pack");
    }
    return 0;
}
