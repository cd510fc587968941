#pragma once
// Muscle attachments from Z-Anatomy's insertions.glb: the table that says which muscle, end
// (origin or insertion) and registration region each patch piece belongs to
// (models/attachments.tsv), and the geometry helpers the importer uses to apply it.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy/pack.h"
#include "core/geometry/bvh.h"
#include "core/geometry/mesh.h"
#include "core/import/glb_reader.h"
#include "core/import/registration.h"

namespace myomap {

/// One `attach` row: the pieces of the nodes matching `node` that lie on a bone matching
/// `bone` are `kind` of `muscleId`, registered with `region`'s affine.
struct AttachmentRule {
    std::string node;      ///< insertions.glb node name; '*' matches any run of characters
    std::string bone;      ///< skeletal.glb bone the piece lies on; '*' as above
    std::string muscleId;  ///< catalog id
    AttachmentKind kind = AttachmentKind::None;
    std::string region;  ///< registration region whose affine moves the piece
    int line = 0;
};

/// One `skip` row: nodes left out on purpose, with the reason the import log gives.
struct AttachmentSkip {
    std::string node;  ///< pattern, as in AttachmentRule
    std::string reason;
    int line = 0;
};

/// models/attachments.tsv.
struct AttachmentTable {
    std::vector<RegistrationTable::BonePair> bones;  ///< pairs of the regions only attachments use
    std::vector<AttachmentRule> rules;
    std::vector<AttachmentSkip> skips;

    /// Parses TSV text; `label` names it in errors. Throws CatalogError naming label:line.
    static AttachmentTable parse(const std::string& text, const std::string& label);
    /// Throws MissingSourceError when the file is not there, CatalogError when malformed.
    static AttachmentTable load(const std::string& path);

    /// True when some rule names the node (whatever the bone).
    bool mapsNode(const std::string& node) const;
    /// Every rule for a piece of `node` on `bone` (several when muscles share an attachment).
    std::vector<const AttachmentRule*> rulesFor(const std::string& node, const std::string& bone) const;
    /// The skip row for `node`, or nullptr.
    const AttachmentSkip* skipFor(const std::string& node) const;
};

/// Glob match where '*' stands for any run of characters (and nothing else is special).
bool globMatch(const std::string& pattern, const std::string& text);

/// The connected pieces of a mesh: triangles joined by shared vertices or by vertices at the
/// same position (patches come with seams). Each piece has its own compact vertex list.
std::vector<Mesh> connectedPieces(const Mesh& mesh);

/// Finds which of a set of bones a piece lies on.
class BoneLocator {
public:
    /// `bones` must outlive the locator.
    explicit BoneLocator(const std::vector<NamedMesh>& bones);
    ~BoneLocator();
    BoneLocator(const BoneLocator&) = delete;
    BoneLocator& operator=(const BoneLocator&) = delete;

    struct Hit {
        std::size_t bone = 0;       ///< index into the bones given
        float meanDistance = 0.0f;  ///< mean over the sampled vertices, metres
    };
    /// The bone with the smallest mean distance from the piece's vertices (up to 32 of them,
    /// evenly sampled; one farther than `reach` counts as `reach`), among bones that some
    /// sample lies within `reach` of; nullopt when there is none.
    std::optional<Hit> nearest(const Mesh& piece, float reach) const;

private:
    const std::vector<NamedMesh>& bones_;
    std::vector<Bounds> bounds_;
    std::vector<std::unique_ptr<MeshBvh>> bvhs_;
};

/// Lays a patch onto the surface it belongs on: each vertex within `reach` of `surface` moves
/// to the closest surface point, `lift` out along its normal (and takes that normal), so
/// the patch shows on the bone as drawn instead of a few millimetres inside or above it.
/// Vertices farther away stay. Returns how many moved.
std::size_t layOnSurface(Mesh& patch, const MeshBvh& surface, float reach, float lift);

/// Median and 95th percentile of a set of distances.
struct DistanceSummary {
    std::size_t count = 0;
    float median = 0.0f;
    float p95 = 0.0f;
};

/// Nearest-rank percentiles; an empty set gives zeros.
DistanceSummary summarizeDistances(std::vector<float> values);

}  // namespace myomap
