#pragma once
// The one way Myomap writes a file a user or the app depends on (plans, pictures, settings,
// the pack): into a temporary file beside it, flushed to disk, then renamed over the target,
// so a crash or a full disk never leaves a half-written file, and the temporary file is
// removed when anything fails.

#include <cstdint>
#include <string>
#include <vector>

namespace myomap {

/// Writes `bytes` to `path` atomically. `what` names the file in errors ("the care plan").
/// Throws MyomapError naming the path; the old file, if any, is then untouched.
void writeFileAtomically(const std::string& path, const std::string& bytes, const std::string& what);
void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes, const std::string& what);

}  // namespace myomap
