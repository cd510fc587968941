#pragma once
// The runtime anatomy pack: every pickable muscle object (one per muscle and side) plus
// the skin and skeleton layers and the muscles' bone attachments (origin and insertion
// patches, one object per muscle, side and kind), each at two levels of detail, in BodyParts3D's frame
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

/// Attachment objects are where a muscle meets a bone: not pickable, drawn on the skeleton.
enum class Layer : std::uint8_t { Muscle = 0, Skin = 1, Skeleton = 2, Attachment = 3 };

const char* layerName(Layer layer);

/// Which end of a muscle an attachment object is; None for every other layer.
enum class AttachmentKind : std::uint8_t { None = 0, Origin = 1, Insertion = 2 };

const char* attachmentKindName(AttachmentKind kind);  ///< "origin", "insertion" or "none"

/// Level of detail: full source detail, or a decimated copy for interaction.
enum class Lod : std::uint8_t { Full = 0, Interactive = 1 };

struct PackObject {
    std::string muscleId;   ///< catalog id for muscles and attachments; "skin" / "skeleton" for layers
    Side side = Side::None;
    Layer layer = Layer::Muscle;
    AttachmentKind kind = AttachmentKind::None;  ///< Origin or Insertion for Layer::Attachment
    std::array<Mesh, 2> lods;
    Bounds bounds;          ///< of the full-detail mesh
    /// Per level of detail, how many leading indices make the triangles that can be seen
    /// from outside the body with muscles and bones all shown (the importer puts them
    /// first); kWholeMesh where that is not known, so all are drawn.
    std::array<std::uint32_t, 2> shell{kWholeMesh, kWholeMesh};
    static constexpr std::uint32_t kWholeMesh = 0xFFFFFFFFu;

    const Mesh& mesh(Lod lod) const { return lods[static_cast<int>(lod)]; }
    /// The number of indices of the visible shell at `lod` (all of them when unknown).
    std::uint32_t shellIndexCount(Lod lod) const {
        const auto all = static_cast<std::uint32_t>(lods[static_cast<int>(lod)].indices.size());
        return shell[static_cast<int>(lod)] < all ? shell[static_cast<int>(lod)] : all;
    }
};

class Pack {
public:
    /// Format version. 2 added the payload size and its FNV-1a 64 checksum to the header;
    /// 3 added attachment objects (layer 3), each followed by its kind byte; 4 added each
    /// object's visible-shell index counts (two u32, one per level of detail).
    static constexpr std::uint32_t kVersion = 4;

    std::vector<PackObject> objects;

    /// The muscle (or context layer) object for an id and side, or nullptr; never an
    /// attachment, which shares its muscle's id.
    const PackObject* find(const std::string& muscleId, Side side) const;
    /// Index of that object in `objects`, or -1.
    int indexOf(const std::string& muscleId, Side side) const;
    /// The attachment object of a muscle's side and kind, or nullptr (not every muscle
    /// has attachment patches, and a pack built without them has none).
    const PackObject* findAttachment(const std::string& muscleId, Side side, AttachmentKind kind) const;
    /// The first object of a context layer, or nullptr.
    const PackObject* layer(Layer layer) const;
    /// Every object of a layer as one mesh at `lod` (the skeleton comes in regional pieces).
    Mesh layerMesh(Layer layer, Lod lod) const;
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
