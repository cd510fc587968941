#pragma once
// Builds the runtime anatomy pack from the sources folder (BodyParts3D + Z-Anatomy) and
// the tables in models/ (muscles.tsv, layers.tsv, registration.tsv).

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/geometry/bvh.h"
#include "core/anatomy/catalog.h"
#include "core/anatomy/pack.h"

namespace myomap {

struct ImportOptions {
    std::string sourcesDir;  ///< folder holding bodyparts3d/ and z-anatomy/
    std::string modelsDir;   ///< folder holding muscles.tsv, layers.tsv, registration.tsv
    /// Share of triangles kept in the interactive level of detail.
    float interactiveRatio = 0.15f;
    /// Receives progress lines; may be empty.
    std::function<void(const std::string&)> log;
};

/// What became of the Z-Anatomy origin/insertion patches (z-anatomy/insertions.glb, mapped by
/// models/attachments.tsv). They are optional extras: without them the pack still builds.
struct AttachmentReport {
    /// Why the pack has no attachment layer, empty when it has one: a missing file, listed
    /// here and in the log instead of stopping the build.
    std::string unavailable;
    std::size_t patches = 0;     ///< nodes in insertions.glb
    std::size_t registered = 0;  ///< nodes with at least one piece in the pack
    std::size_t leftCopies = 0;  ///< nodes with nothing on the subject's right: the mirror covers them
    std::size_t allStray = 0;    ///< mapped nodes whose every piece is a stray (see strays)
    std::vector<std::string> skipped;   ///< "node: reason", nodes the table leaves out on purpose
    std::vector<std::string> unmapped;  ///< nodes no table row names
    std::vector<std::string> strays;    ///< pieces of mapped nodes that no row takes, or that lie off every bone
    std::size_t pieces = 0;             ///< right-side pieces registered (a piece shared by n muscles counts n times)
    std::size_t objects = 0;            ///< attachment objects in the pack (muscle, side, kind)
    std::size_t vertices = 0;           ///< vertices of those objects (full detail)
    std::size_t laidVertices = 0;       ///< of them, laid onto the drawn bones (within 15 mm)
    /// Distance from the registered patches' vertices (both sides) to the BodyParts3D skeleton,
    /// as registered (before they are laid on the bones): how well the registration fits.
    struct BoneDistance {
        std::string region;  ///< registration region, or "all"
        std::size_t vertices = 0;
        float medianMm = 0.0f;
        float p95Mm = 0.0f;
    };
    std::vector<BoneDistance> boneDistance;  ///< per region, then "all"
};

/// Everything importPack reports besides the pack.
struct ImportReport {
    AttachmentReport attachments;
};

/// Checks that `dir` looks like the anatomy sources folder; throws SourcesError that says
/// which variable to set and where the data comes from.
void checkSourcesFolder(const std::string& dir);

/// Builds the pack. A BodyParts3D part that a catalog row names for both sides is a midline
/// part (the diaphragm): each side gets its own half, cut at x = 0. Muscle attachments
/// (Layer::Attachment) come from z-anatomy/insertions.glb through models/attachments.tsv,
/// registered like Z-Anatomy muscles and mirrored to the left; when either file is missing
/// the pack has none and `report` says why. Throws SourcesError, MeshFileError (naming the
/// file, also for an unreadable insertions.glb), CatalogError (a malformed table, or an
/// attachment row naming a muscle or region that does not exist) or ImportError (naming the
/// catalog entry whose mesh is absent).
Pack importPack(const ImportOptions& options, ImportReport* report = nullptr);

/// Makes the decimated interactive mesh from a full one (welds by position, simplifies,
/// recomputes normals). Meshes too small to gain are returned welded but not simplified.
Mesh makeInteractiveLod(const Mesh& full, float ratio);

/// Pulls every vertex that lies outside the skin, or within `depth` of it, to `depth`
/// beneath it (along the skin's normal). Returns how many vertices moved.
std::size_t tuckUnderSkin(Mesh& mesh, const MeshBvh& skin, float depth = 0.003f);

/// Drops connected pieces that reach the midline and are less than half the size of the
/// largest piece: in Z-Anatomy's export these are fascia sheets merged into a muscle object
/// (the thoracolumbar fascia with quadratus lumborum, the linea alba with rectus abdominis).
/// Returns how many triangles were dropped.
std::size_t dropMidlineSheets(Mesh& mesh);

/// Keeps the triangles whose centroid lies on the subject's right (x < 0), with corners
/// past the midline pulled onto it.
Mesh keepRightHalf(const Mesh& mesh);

}  // namespace myomap
