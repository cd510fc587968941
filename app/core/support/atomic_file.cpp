#include "core/support/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/support/errors.h"

namespace myomap {

namespace {
void writeAll(const std::string& path, const char* data, std::size_t size, const std::string& what) {
    // A unique temporary name in the same folder, so the rename stays on one file system.
    std::string tmp = path + ".XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) throw MyomapError(path + ": cannot write " + what + " (" + std::strerror(errno) + ")");
    auto fail = [&](const char* step) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        std::remove(tmp.c_str());
        throw MyomapError(path + ": " + step + " " + what + " failed (" + reason + ")");
    };
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("writing");
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) fail("saving");
    if (::close(fd) != 0) {
        std::remove(tmp.c_str());
        throw MyomapError(path + ": saving " + what + " failed (" + std::strerror(errno) + ")");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        throw MyomapError(path + ": cannot move " + what + " into place (" + reason + ")");
    }
}
}  // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes, const std::string& what) {
    writeAll(path, bytes.data(), bytes.size(), what);
}

void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes, const std::string& what) {
    writeAll(path, reinterpret_cast<const char*>(bytes.data()), bytes.size(), what);
}

}  // namespace myomap
