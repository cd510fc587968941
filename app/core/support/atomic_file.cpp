#include "core/support/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/support/errors.h"

namespace myomap {

AtomicFileWriter::AtomicFileWriter(std::string path, std::string what)
    : path_(std::move(path)), what_(std::move(what)) {
    // A unique temporary name in the same folder, so the rename stays on one file system.
    tmp_ = path_ + ".XXXXXX";
    fd_ = mkstemp(tmp_.data());
    if (fd_ < 0) throw MyomapError(path_ + ": cannot write " + what_ + " (" + std::strerror(errno) + ")");
}

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ >= 0) {
        ::close(fd_);
        std::remove(tmp_.c_str());
    }
}

void AtomicFileWriter::fail(const char* step) {
    const std::string reason = std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    std::remove(tmp_.c_str());
    throw MyomapError(path_ + ": " + step + " " + what_ + " failed (" + reason + ")");
}

void AtomicFileWriter::write(const void* data, std::size_t size) {
    const char* bytes = static_cast<const char*>(data);
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd_, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("writing");
        done += static_cast<std::size_t>(n);
    }
}

void AtomicFileWriter::writeAt(std::uint64_t offset, const void* data, std::size_t size) {
    const char* bytes = static_cast<const char*>(data);
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::pwrite(fd_, bytes + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("writing");
        done += static_cast<std::size_t>(n);
    }
}

void AtomicFileWriter::commit() {
    if (::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0) fail("saving");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp_.c_str());
        throw MyomapError(path_ + ": saving " + what_ + " failed (" + reason + ")");
    }
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp_.c_str());
        throw MyomapError(path_ + ": cannot move " + what_ + " into place (" + reason + ")");
    }
}

namespace {
void writeAll(const std::string& path, const char* data, std::size_t size, const std::string& what) {
    AtomicFileWriter file(path, what);
    file.write(data, size);
    file.commit();
}
}  // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes, const std::string& what) {
    writeAll(path, bytes.data(), bytes.size(), what);
}

void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes, const std::string& what) {
    writeAll(path, reinterpret_cast<const char*>(bytes.data()), bytes.size(), what);
}

}  // namespace myomap
