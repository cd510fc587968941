#pragma once
// The one way Myomap writes a file a user or the app depends on (plans, pictures, settings,
// the pack): into a temporary file beside it, flushed to disk, then renamed over the target,
// so a crash or a full disk never leaves a half-written file, and the temporary file is
// removed when anything fails.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace myomap {

/// A file being written atomically, for writers that stream (the pack): bytes go to a
/// temporary file beside `path`; commit() flushes it to disk and renames it over `path`.
/// Destroyed without commit() (an exception on the way), the temporary file is removed and
/// `path` is untouched.
class AtomicFileWriter {
public:
    /// Throws MyomapError naming `path` when the folder cannot take a new file.
    AtomicFileWriter(std::string path, std::string what);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    /// Appends `size` bytes.
    void write(const void* data, std::size_t size);
    /// Overwrites bytes already written at `offset` (a header filled in at the end).
    void writeAt(std::uint64_t offset, const void* data, std::size_t size);
    /// Makes the file appear at `path` complete, or throws and leaves `path` as it was.
    void commit();

private:
    [[noreturn]] void fail(const char* step);
    std::string path_, what_, tmp_;
    int fd_ = -1;
};

/// Writes `bytes` to `path` atomically. `what` names the file in errors ("the care plan").
/// Throws MyomapError naming the path; the old file, if any, is then untouched.
void writeFileAtomically(const std::string& path, const std::string& bytes, const std::string& what);
void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes, const std::string& what);

}  // namespace myomap
