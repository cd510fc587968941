// readGlbBytes on arbitrary bytes: only MeshFileError naming the file may come out.

#include <cstdint>
#include <vector>

#include "core/import/glb_reader.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> bytes(data, data + size);
    try {
        myomap::readGlbBytes(bytes, "fuzz.glb");
    } catch (const myomap::MeshFileError& e) {
        myomap::fuzz::requireNamed(e.what(), "fuzz.glb");
    }
    return 0;
}
