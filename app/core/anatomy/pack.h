#pragma once
// The runtime anatomy pack: every pickable muscle object (one per muscle and side) plus
// the skin and skeleton layers, each at two levels of detail, in BodyParts3D's frame
// (metres, +Y up, +Z anterior, subject's right at -X). Built by the importer into the
// build tree; never committed.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/anatomy/catalog.h"
#include "core/geometry/mesh.h"

namespace myomap {

enum class Layer : std::uint8_t { Muscle = 0, Skin = 1, Skeleton = 2 };

const char* layerName(Layer layer);

/// Level of detail: full source detail, or a decimated copy for interaction.
enum class Lod : std::uint8_t { Full = 0, Interactive = 1 };

struct PackObject {
    std::string muscleId;   ///< catalog id for muscles; "skin" / "skeleton" for layers
    Side side = Side::None;
    Layer layer = Layer::Muscle;
    std::array<Mesh, 2> lods;
    Bounds bounds;          ///< of the full-detail mesh

    const Mesh& mesh(Lod lod) const { return lods[static_cast<int>(lod)]; }
};

class Pack {
public:
    /// Format version. 2 added the payload size and its FNV-1a 64 checksum to the header.
    static constexpr std::uint32_t kVersion = 2;

    std::vector<PackObject> objects;

    /// The object for a muscle and side, or nullptr.
    const PackObject* find(const std::string& muscleId, Side side) const;
    /// Index of that object in `objects`, or -1.
    int indexOf(const std::string& muscleId, Side side) const;
    /// The first object of a context layer, or nullptr.
    const PackObject* layer(Layer layer) const;
    /// Bounds of every object.
    Bounds bounds() const;
    /// Bounds of the muscles and the skeleton: what the start-up view frames.
    Bounds bodyBounds() const;

    /// Writes atomically (temporary file, then rename). Throws PackError.
    void write(const std::string& path) const;
    /// Reads a pack; throws PackError naming the file when it is missing, not a file,
    /// truncated, corrupt (checksum mismatch) or of another version.
    static Pack read(const std::string& path);
    /// Same as read, from the bytes of a whole pack file in memory; `label` names them in errors.
    static Pack readBytes(const std::uint8_t* data, std::size_t size, const std::string& label);
};

}  // namespace myomap
