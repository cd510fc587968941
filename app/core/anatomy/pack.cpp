#include "core/anatomy/pack.h"

#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/support/errors.h"

namespace myomap {
namespace {

constexpr char kMagic[8] = {'M', 'Y', 'O', 'P', 'A', 'C', 'K', '1'};

class Writer {
public:
    explicit Writer(std::ofstream& out) : out_(out) {}
    template <typename T>
    void pod(const T& v) { out_.write(reinterpret_cast<const char*>(&v), sizeof(T)); }
    void str(const std::string& s) {
        pod(static_cast<std::uint32_t>(s.size()));
        out_.write(s.data(), static_cast<std::streamsize>(s.size()));
    }
    template <typename T>
    void vec(const std::vector<T>& v) {
        pod(static_cast<std::uint32_t>(v.size()));
        out_.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
    }

private:
    std::ofstream& out_;
};

class Reader {
public:
    Reader(const std::vector<char>& data, const std::string& path) : data_(data), path_(path) {}
    template <typename T>
    T pod() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, data_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    std::string str() {
        const auto n = pod<std::uint32_t>();
        need(n);
        std::string s(data_.data() + pos_, n);
        pos_ += n;
        return s;
    }
    template <typename T>
    std::vector<T> vec() {
        const auto n = pod<std::uint32_t>();
        need(static_cast<std::size_t>(n) * sizeof(T));
        std::vector<T> v(n);
        std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
        pos_ += n * sizeof(T);
        return v;
    }

private:
    void need(std::size_t n) {
        if (pos_ + n > data_.size())
            throw PackError(path_ + ": the pack is truncated (needs " + std::to_string(pos_ + n) + " bytes, has " +
                            std::to_string(data_.size()) + "); rebuild it with the importer");
    }
    const std::vector<char>& data_;
    const std::string& path_;
    std::size_t pos_ = 0;
};

}  // namespace

const char* layerName(Layer layer) {
    switch (layer) {
        case Layer::Skin: return "skin";
        case Layer::Skeleton: return "skeleton";
        default: return "muscle";
    }
}

const PackObject* Pack::find(const std::string& muscleId, Side side) const {
    const int i = indexOf(muscleId, side);
    return i < 0 ? nullptr : &objects[i];
}

int Pack::indexOf(const std::string& muscleId, Side side) const {
    for (std::size_t i = 0; i < objects.size(); ++i)
        if (objects[i].muscleId == muscleId && objects[i].side == side) return static_cast<int>(i);
    return -1;
}

const PackObject* Pack::layer(Layer l) const {
    for (const auto& o : objects)
        if (o.layer == l) return &o;
    return nullptr;
}

Bounds Pack::bounds() const {
    Bounds b;
    for (const auto& o : objects) b.add(o.bounds);
    return b;
}

Bounds Pack::bodyBounds() const {
    Bounds b;
    for (const auto& o : objects)
        if (o.layer != Layer::Skin) b.add(o.bounds);
    return b;
}

void Pack::write(const std::string& path) const {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw PackError(tmp + ": cannot write the pack");
        Writer w(out);
        out.write(kMagic, sizeof kMagic);
        w.pod(kVersion);
        w.pod(static_cast<std::uint32_t>(objects.size()));
        for (const auto& o : objects) {
            w.str(o.muscleId);
            w.pod(static_cast<std::uint8_t>(o.side));
            w.pod(static_cast<std::uint8_t>(o.layer));
            w.pod(o.bounds);
            for (const auto& m : o.lods) {
                w.vec(m.positions);
                w.vec(m.normals);
                w.vec(m.indices);
            }
        }
        out.flush();
        if (!out) throw PackError(tmp + ": writing the pack failed (disk full?)");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw PackError(path + ": cannot move the new pack into place");
}

Pack Pack::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        throw PackError(path + ": the anatomy pack is missing; build it with 'cmake --build build' "
                               "(it is made from MYOMAP_ANATOMY_SOURCES)");
    std::vector<char> data(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        throw PackError(path + ": not a Myomap anatomy pack");
    std::vector<char> body(data.begin() + sizeof kMagic, data.end());
    Reader r(body, path);
    const auto version = r.pod<std::uint32_t>();
    if (version != kVersion)
        throw PackError(path + ": pack version " + std::to_string(version) + " but this build reads version " +
                        std::to_string(kVersion) + "; rebuild the pack");
    Pack pack;
    const auto count = r.pod<std::uint32_t>();
    pack.objects.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        PackObject o;
        o.muscleId = r.str();
        o.side = static_cast<Side>(r.pod<std::uint8_t>());
        o.layer = static_cast<Layer>(r.pod<std::uint8_t>());
        o.bounds = r.pod<Bounds>();
        for (auto& m : o.lods) {
            m.positions = r.vec<glm::vec3>();
            m.normals = r.vec<glm::vec3>();
            m.indices = r.vec<std::uint32_t>();
            for (auto idx : m.indices)
                if (idx >= m.positions.size()) throw PackError(path + ": object '" + o.muscleId + "' has a bad triangle index");
            if (m.normals.size() != m.positions.size()) throw PackError(path + ": object '" + o.muscleId + "' has mismatched normals");
        }
        pack.objects.push_back(std::move(o));
    }
    return pack;
}

}  // namespace myomap
