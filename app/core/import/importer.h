#pragma once
// Builds the runtime anatomy pack from the sources folder (BodyParts3D + Z-Anatomy) and
// the tables in models/ (muscles.tsv, layers.tsv, registration.tsv).

#include <functional>
#include <string>

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

/// Checks that `dir` looks like the anatomy sources folder; throws SourcesError that says
/// which variable to set and where the data comes from.
void checkSourcesFolder(const std::string& dir);

/// Builds the pack. A BodyParts3D part that a catalog row names for both sides is a midline
/// part (the diaphragm): each side gets its own half, cut at x = 0. Throws SourcesError,
/// MeshFileError (naming the file), CatalogError or ImportError (naming the catalog entry
/// whose mesh is absent).
Pack importPack(const ImportOptions& options);

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
