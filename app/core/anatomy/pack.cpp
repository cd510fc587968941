#include "core/anatomy/pack.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>

#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {
namespace {

// File layout: magic, u32 version, u64 payload size, u64 FNV-1a 64 of the payload, payload.
// The payload is u32 object count, then per object: id, side, layer, bounds, two LODs, the
// visible shell's index count per LOD (u32 each), and for an attachment object (layer 3)
// one more byte, its kind.
constexpr char kMagic[8] = {'M', 'Y', 'O', 'P', 'A', 'C', 'K', '1'};
constexpr std::size_t kHeaderSize = sizeof kMagic + 4 + 8 + 8;
constexpr std::size_t kSizeOffset = sizeof kMagic + 4;
// The fewest payload bytes one object can take (empty id, empty meshes); bounds the
// object count a header may claim before anything is reserved.
constexpr std::size_t kMinObjectBytes = 4 + 1 + 1 + sizeof(Bounds) + 2 * 3 * 4;
const char* const kRebuild = "; rebuild it with: cmake --build build --target myomap_pack";

/// FNV-1a 64: simple, fast enough for a pack, and it catches flipped or changed bytes.
class Fnv1a64 {
public:
    void add(const void* data, std::size_t size) {
        const auto* p = static_cast<const std::uint8_t*>(data);
        for (std::size_t i = 0; i < size; ++i) hash_ = (hash_ ^ p[i]) * 0x100000001b3ULL;
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

/// Streams the payload to the file, hashing and counting it on the way.
class Writer {
public:
    explicit Writer(AtomicFileWriter& out) : out_(out) {}
    void bytes(const void* data, std::size_t size) {
        out_.write(data, size);
        hash_.add(data, size);
        size_ += size;
    }
    template <typename T>
    void pod(const T& v) { bytes(&v, sizeof(T)); }
    void str(const std::string& s) {
        pod(static_cast<std::uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    template <typename T>
    void vec(const std::vector<T>& v) {
        pod(static_cast<std::uint32_t>(v.size()));
        bytes(v.data(), v.size() * sizeof(T));
    }
    std::uint64_t size() const { return size_; }
    std::uint64_t hash() const { return hash_.value(); }

private:
    AtomicFileWriter& out_;
    Fnv1a64 hash_;
    std::uint64_t size_ = 0;
};

/// Reads the payload in place; every length is checked against the bytes left before
/// anything is allocated for it.
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size, const std::string& label) : data_(data), size_(size), label_(label) {}
    template <typename T>
    T pod() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, data_ + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    std::string str() {
        const auto n = pod<std::uint32_t>();
        need(n);
        std::string s(reinterpret_cast<const char*>(data_ + pos_), n);
        pos_ += n;
        return s;
    }
    template <typename T>
    std::vector<T> vec() {
        const std::size_t bytes = static_cast<std::size_t>(pod<std::uint32_t>()) * sizeof(T);
        need(bytes);
        std::vector<T> v(bytes / sizeof(T));
        if (bytes) std::memcpy(v.data(), data_ + pos_, bytes);
        pos_ += bytes;
        return v;
    }
    std::size_t left() const { return size_ - pos_; }

private:
    void need(std::size_t n) {
        if (n > left())
            throw PackError(label_ + ": the pack is corrupt (a length of " + std::to_string(n) + " bytes runs past its end at byte " +
                            std::to_string(kHeaderSize + pos_) + ")" + kRebuild);
    }
    const std::uint8_t* data_;
    std::size_t size_;
    const std::string& label_;
    std::size_t pos_ = 0;
};

struct Header {
    std::uint64_t payloadSize = 0;
    std::uint64_t checksum = 0;
};

/// Checks magic, version and that the payload is exactly the rest of a `fileSize` file.
Header parseHeader(const std::uint8_t* data, std::size_t available, std::uint64_t fileSize, const std::string& label) {
    if (available < sizeof kMagic || std::memcmp(data, kMagic, sizeof kMagic) != 0)
        throw PackError(label + ": not a Myomap anatomy pack");
    if (available < kHeaderSize || fileSize < kHeaderSize)
        throw PackError(label + ": the pack is truncated (" + std::to_string(fileSize) + " bytes, less than its header)" + kRebuild);
    std::uint32_t version;
    std::memcpy(&version, data + sizeof kMagic, 4);
    if (version != Pack::kVersion)
        throw PackError(label + ": pack version " + std::to_string(version) + " but this build reads version " +
                        std::to_string(Pack::kVersion) + kRebuild);
    Header h;
    std::memcpy(&h.payloadSize, data + kSizeOffset, 8);
    std::memcpy(&h.checksum, data + kSizeOffset + 8, 8);
    const std::uint64_t rest = fileSize - kHeaderSize;
    if (h.payloadSize > rest)
        throw PackError(label + ": the pack is truncated (needs " + std::to_string(h.payloadSize) + " bytes after its header, has " +
                        std::to_string(rest) + ")" + kRebuild);
    if (h.payloadSize < rest)
        throw PackError(label + ": the pack is corrupt (" + std::to_string(rest - h.payloadSize) + " stray bytes after its end)" + kRebuild);
    return h;
}

void checkSum(const Header& h, const Fnv1a64& hash, const std::string& label) {
    if (hash.value() != h.checksum)
        throw PackError(label + ": the pack is corrupt (its checksum does not match its contents)" + kRebuild);
}

/// Parses a payload whose checksum has been verified (the checks still guard memory).
Pack parsePayload(const std::uint8_t* data, std::size_t size, const std::string& label) {
    Reader r(data, size, label);
    Pack pack;
    const auto count = r.pod<std::uint32_t>();
    if (count > r.left() / kMinObjectBytes)
        throw PackError(label + ": the pack is corrupt (it claims " + std::to_string(count) + " objects in " +
                        std::to_string(size) + " bytes)" + kRebuild);
    pack.objects.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        PackObject o;
        o.muscleId = r.str();
        const auto bad = [&](const std::string& what) {
            return PackError(label + ": object " + std::to_string(i) + " ('" + o.muscleId + "') " + what + kRebuild);
        };
        const auto side = r.pod<std::uint8_t>();
        const auto layer = r.pod<std::uint8_t>();
        // Enum values outside the declared ones would fall through every switch downstream.
        if (side > static_cast<std::uint8_t>(Side::Left)) throw bad("has an unknown side " + std::to_string(side));
        if (layer > static_cast<std::uint8_t>(Layer::Attachment)) throw bad("has an unknown layer " + std::to_string(layer));
        o.side = static_cast<Side>(side);
        o.layer = static_cast<Layer>(layer);
        o.bounds = r.pod<Bounds>();
        for (auto& m : o.lods) {
            m.positions = r.vec<glm::vec3>();
            m.normals = r.vec<glm::vec3>();
            m.indices = r.vec<std::uint32_t>();
            for (auto idx : m.indices)
                if (idx >= m.positions.size()) throw bad("has a bad triangle index");
            if (m.normals.size() != m.positions.size()) throw bad("has mismatched normals");
        }
        for (std::size_t l = 0; l < o.lods.size(); ++l) {
            o.shell[l] = r.pod<std::uint32_t>();
            if (o.shell[l] > o.lods[l].indices.size() || o.shell[l] % 3 != 0)
                throw bad("has a visible shell of " + std::to_string(o.shell[l]) + " indices, not whole triangles of its " +
                          std::to_string(o.lods[l].indices.size()));
        }
        if (o.layer == Layer::Attachment) {
            const auto kind = r.pod<std::uint8_t>();
            if (kind != static_cast<std::uint8_t>(AttachmentKind::Origin) && kind != static_cast<std::uint8_t>(AttachmentKind::Insertion))
                throw bad("is an attachment of unknown kind " + std::to_string(kind));
            o.kind = static_cast<AttachmentKind>(kind);
        }
        pack.objects.push_back(std::move(o));
    }
    if (r.left() != 0) throw PackError(label + ": the pack is corrupt (bytes left over after its last object)" + kRebuild);
    return pack;
}

}  // namespace
const char* layerName(Layer layer) {
    switch (layer) {
        case Layer::Skin: return "skin";
        case Layer::Skeleton: return "skeleton";
        case Layer::Attachment: return "attachment";
        default: return "muscle";
    }
}

const char* attachmentKindName(AttachmentKind kind) {
    switch (kind) {
        case AttachmentKind::Origin: return "origin";
        case AttachmentKind::Insertion: return "insertion";
        default: return "none";
    }
}

const PackObject* Pack::find(const std::string& muscleId, Side side) const {
    const int i = indexOf(muscleId, side);
    return i < 0 ? nullptr : &objects[i];
}

int Pack::indexOf(const std::string& muscleId, Side side) const {
    for (std::size_t i = 0; i < objects.size(); ++i)
        if (objects[i].layer != Layer::Attachment && objects[i].muscleId == muscleId && objects[i].side == side)
            return static_cast<int>(i);
    return -1;
}

const PackObject* Pack::findAttachment(const std::string& muscleId, Side side, AttachmentKind kind) const {
    for (const auto& o : objects)
        if (o.layer == Layer::Attachment && o.kind == kind && o.muscleId == muscleId && o.side == side) return &o;
    return nullptr;
}

const PackObject* Pack::layer(Layer l) const {
    for (const auto& o : objects)
        if (o.layer == l) return &o;
    return nullptr;
}

Mesh Pack::layerMesh(Layer l, Lod lod) const {
    Mesh out;
    for (const auto& o : objects)
        if (o.layer == l) out.append(o.mesh(lod));
    return out;
}

Bounds Pack::bounds() const {
    Bounds b;
    for (const auto& o : objects) b.add(o.bounds);
    return b;
}

Bounds Pack::bodyBounds() const {
    Bounds b;
    for (const auto& o : objects)
        if (o.layer == Layer::Muscle || o.layer == Layer::Skeleton) b.add(o.bounds);
    return b;
}

void Pack::write(const std::string& path) const {
    try {
        AtomicFileWriter out(path, "the pack");
        const std::uint64_t placeholder = 0;
        out.write(kMagic, sizeof kMagic);
        out.write(&kVersion, sizeof kVersion);
        out.write(&placeholder, sizeof placeholder);
        out.write(&placeholder, sizeof placeholder);
        Writer w(out);
        w.pod(static_cast<std::uint32_t>(objects.size()));
        for (const auto& o : objects) {
            // What the reader would refuse is not written.
            if (o.layer == Layer::Attachment && o.kind == AttachmentKind::None)
                throw PackError(path + ": attachment object '" + o.muscleId + "' has no kind (origin or insertion)");
            w.str(o.muscleId);
            w.pod(static_cast<std::uint8_t>(o.side));
            w.pod(static_cast<std::uint8_t>(o.layer));
            w.pod(o.bounds);
            for (const auto& m : o.lods) {
                w.vec(m.positions);
                w.vec(m.normals);
                w.vec(m.indices);
            }
            for (Lod lod : {Lod::Full, Lod::Interactive}) w.pod(o.shellIndexCount(lod));
            if (o.layer == Layer::Attachment) w.pod(static_cast<std::uint8_t>(o.kind));
        }
        // Size and checksum are known only now; the payload was streamed, never held twice.
        const std::uint64_t size = w.size(), hash = w.hash();
        out.writeAt(kSizeOffset, &size, sizeof size);
        out.writeAt(kSizeOffset + sizeof size, &hash, sizeof hash);
        out.commit();
    } catch (const PackError&) {
        throw;
    } catch (const MyomapError& e) {
        throw PackError(e.what());
    }
}

Pack Pack::read(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status))
        throw PackError(path + ": the anatomy pack is missing; build it with 'cmake --build build' "
                               "(it is made from MYOMAP_ANATOMY_SOURCES)");
    // A folder opens as a stream on Linux and reports a huge size: refuse it by name.
    if (fs::is_directory(status)) throw PackError(path + ": is a folder, not an anatomy pack file (anatomy.pack)");
    if (!fs::is_regular_file(status)) throw PackError(path + ": is not a regular file, so not an anatomy pack");
    const std::uint64_t fileSize = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) throw PackError(path + ": cannot read the anatomy pack (permissions?)");
    std::uint8_t header[kHeaderSize];
    in.read(reinterpret_cast<char*>(header), sizeof header);
    const Header h = parseHeader(header, static_cast<std::size_t>(in.gcount()), fileSize, path);
    std::vector<std::uint8_t> payload;
    try {
        payload.resize(static_cast<std::size_t>(h.payloadSize));
    } catch (const std::bad_alloc&) {
        throw PackError(path + ": the pack (" + std::to_string(fileSize) + " bytes) does not fit in memory");
    }
    // One buffer, hashed chunk by chunk as it arrives: a single pass over the bytes.
    Fnv1a64 hash;
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    for (std::size_t at = 0; at < payload.size();) {
        const std::size_t n = std::min(kChunk, payload.size() - at);
        in.read(reinterpret_cast<char*>(payload.data() + at), static_cast<std::streamsize>(n));
        if (static_cast<std::size_t>(in.gcount()) != n) throw PackError(path + ": reading the anatomy pack failed" + std::string(kRebuild));
        hash.add(payload.data() + at, n);
        at += n;
    }
    checkSum(h, hash, path);
    return parsePayload(payload.data(), payload.size(), path);
}

Pack Pack::readBytes(const std::uint8_t* data, std::size_t size, const std::string& label) {
    const Header h = parseHeader(data, size, size, label);
    Fnv1a64 hash;
    hash.add(data + kHeaderSize, static_cast<std::size_t>(h.payloadSize));
    checkSum(h, hash, label);
    return parsePayload(data + kHeaderSize, static_cast<std::size_t>(h.payloadSize), label);
}

}  // namespace myomap
