#include "core/import/importer.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "core/support/errors.h"
#include "core/import/attachments.h"
#include "core/import/glb_reader.h"
#include "core/import/mesh_reader.h"
#include "core/import/registration.h"
#include "core/import/visible_shell.h"

namespace myomap {
namespace fs = std::filesystem;

namespace {

const char* kWhereDataComesFrom =
    "Set MYOMAP_ANATOMY_SOURCES (an environment variable, or the CMake cache variable of the same name) to the "
    "folder that holds bodyparts3d/ and z-anatomy/. On Myomap's machines it is ../shared/anatomy beside the "
    "checkout. Elsewhere: BodyParts3D 4.0 from the DBCLS download page (per-part GLB repackagings exist on "
    "GitHub) and the Z-Anatomy export; see models/README.md.";

/// Loads and caches source meshes, registering Z-Anatomy nodes on first use.
class SourceLibrary {
public:
    SourceLibrary(const std::string& sources, const std::string& models, std::function<void(const std::string&)> log)
        : sources_(sources), models_(models), log_(std::move(log)), parts_((fs::path(sources) / "bodyparts3d").string()) {
        if (log_) log_("BodyParts3D parts from " + parts_.describe());
    }

    Mesh bp3d(const std::string& part) { return parts_.part(part); }

    /// The registered Z-Anatomy muscle node, right half only (x < 0).
    const Mesh& zanatomyRight(const std::string& node) {
        auto it = zaRight_.find(node);
        if (it != zaRight_.end()) return it->second;
        loadZanatomy();
        auto m = zaMuscles_.find(node);
        if (m == zaMuscles_.end())
            throw ImportError("z-anatomy/muscular.glb has no node '" + node + "'");
        auto r = table_->muscleRegion.find(node);
        if (r == table_->muscleRegion.end())
            throw ImportError(models_ + "/registration.tsv: no 'muscle' row says which region registers '" + node + "'");
        auto a = regionFit_.find(r->second);
        if (a == regionFit_.end()) throw ImportError(models_ + "/registration.tsv: region '" + r->second + "' has no bone pairs");
        Mesh mesh = m->second;
        transformMesh(mesh, a->second);
        Mesh right = keepRightHalf(mesh);
        if (const std::size_t dropped = dropMidlineSheets(right); dropped && log_)
            log_("dropped " + std::to_string(dropped) + " triangles of fascia sheets from Z-Anatomy '" + node + "'");
        return zaRight_[node] = std::move(right);
    }

    /// Z-Anatomy's bones (skeletal.glb), in its own frame. Throws as zanatomyRight does.
    const std::vector<NamedMesh>& zanatomyBones() {
        loadZanatomy();
        return zaBones_;
    }

    /// Fits the regions only `label` (attachments.tsv) uses, from its bone pairs. Throws
    /// CatalogError when it names a region registration.tsv already fits (the muscles' fit
    /// must not change with the attachments), and what zanatomyRight throws.
    void addRegions(const std::vector<RegistrationTable::BonePair>& bones, const std::string& label) {
        loadZanatomy();
        for (const auto& bp : bones)
            if (regionFit_.count(bp.region) && !extraRegions_.count(bp.region))
                throw CatalogError(label + ": region '" + bp.region +
                                   "' is already fitted by registration.tsv; give a region of its own another name");
        std::vector<RegistrationTable::BonePair> fresh;
        for (const auto& bp : bones)
            if (!extraRegions_.count(bp.region)) fresh.push_back(bp);
        for (auto& [region, fit] : fitRegions(fresh)) {
            regionFit_[region] = fit;
            extraRegions_.insert(region);
        }
    }

    /// The affine of a fitted region, or nullptr.
    const glm::mat4* regionFit(const std::string& region) const {
        auto it = regionFit_.find(region);
        return it == regionFit_.end() ? nullptr : &it->second;
    }

private:
    void loadZanatomy() {
        if (table_) return;
        // A failure is remembered and reported again for every muscle that needs Z-Anatomy,
        // without reading and decoding the export once per muscle.
        if (zaFailure_) std::rethrow_exception(zaFailure_);
        try {
            registerZanatomy();
        } catch (const MyomapError&) {
            zaFailure_ = std::current_exception();
            throw;
        }
    }

    void registerZanatomy() {
        auto table = std::make_unique<RegistrationTable>(RegistrationTable::load(models_ + "/registration.tsv"));
        const fs::path za = fs::path(sources_) / "z-anatomy";
        const auto glb = makeGlbReader();
        std::map<std::string, Mesh> zaMuscles;
        for (auto& nm : glb->read((za / "muscular.glb").string())) zaMuscles[nm.name] = std::move(nm.mesh);
        zaBones_ = glb->read((za / "skeletal.glb").string());
        zaBoneIndex_.clear();
        for (std::size_t i = 0; i < zaBones_.size(); ++i) zaBoneIndex_[zaBones_[i].name] = i;
        auto fits = fitRegions(table->bones);
        zaMuscles_ = std::move(zaMuscles);
        regionFit_ = std::move(fits);
        table_ = std::move(table);
    }

    /// A least-squares affine per region, from the landmarks of its bone pairs.
    std::map<std::string, glm::mat4> fitRegions(const std::vector<RegistrationTable::BonePair>& bones) {
        std::map<std::string, std::vector<std::pair<glm::vec3, glm::vec3>>> pairs;
        for (const auto& bp : bones) {
            auto zb = zaBoneIndex_.find(bp.zanatomyBone);
            if (zb == zaBoneIndex_.end()) throw ImportError("z-anatomy/skeletal.glb has no bone '" + bp.zanatomyBone + "'");
            const auto from = boneLandmarks(zaBones_[zb->second].mesh);
            Mesh target;  // several BodyParts3D parts may make one Z-Anatomy bone (e.g. both hip bones)
            std::size_t start = 0;
            while (start <= bp.bp3dPart.size()) {
                const std::size_t plus = bp.bp3dPart.find('+', start);
                target.append(bp3d(bp.bp3dPart.substr(start, plus == std::string::npos ? std::string::npos : plus - start)));
                if (plus == std::string::npos) break;
                start = plus + 1;
            }
            const auto to = boneLandmarks(target);
            for (std::size_t i = 0; i < from.size(); ++i) pairs[bp.region].emplace_back(from[i], to[i]);
        }
        std::map<std::string, glm::mat4> fits;
        for (const auto& [region, ps] : pairs) {
            fits[region] = fitAffine(ps);
            double err = 0.0;
            for (const auto& [p, q] : ps) err += glm::length(glm::vec3(fits[region] * glm::vec4(p, 1.0f)) - q);
            if (log_) log_("registered Z-Anatomy region '" + region + "' on " + std::to_string(ps.size()) +
                           " landmarks, mean residual " + std::to_string(1000.0 * err / ps.size()) + " mm");
        }
        return fits;
    }

    std::string sources_, models_;
    std::function<void(const std::string&)> log_;
    PartFolder parts_;
    std::unique_ptr<RegistrationTable> table_;
    std::exception_ptr zaFailure_;
    std::map<std::string, Mesh> zaMuscles_, zaRight_;
    std::vector<NamedMesh> zaBones_;
    std::map<std::string, std::size_t> zaBoneIndex_;
    std::map<std::string, glm::mat4> regionFit_;
    std::set<std::string> extraRegions_;  ///< fitted for attachments only
};

/// Some BodyParts3D part files carry stray copies across the midline (the right
/// sternocleidomastoid file holds both). Drop triangles that lie well past the midline
/// on the other side; parts that meet at the midline (trapezius) keep their seam.
Mesh keepOwnSide(const Mesh& mesh, Side side, const std::string& id, const std::function<void(const std::string&)>& log) {
    constexpr float kMargin = 0.015f;  // metres past x = 0 that still count as the part's own side
    const float sign = side == Side::Right ? 1.0f : -1.0f;  // own side has sign * x < 0
    Mesh out;
    out.positions = mesh.positions;
    out.normals = mesh.normals;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const float cx = (mesh.positions[mesh.indices[t]].x + mesh.positions[mesh.indices[t + 1]].x +
                          mesh.positions[mesh.indices[t + 2]].x) / 3.0f;
        if (sign * cx > kMargin) continue;
        out.indices.insert(out.indices.end(), mesh.indices.begin() + static_cast<long>(t), mesh.indices.begin() + static_cast<long>(t) + 3);
    }
    const std::size_t dropped = mesh.triangleCount() - out.triangleCount();
    if (dropped == 0 || out.triangleCount() < mesh.triangleCount() * 4 / 10) return mesh;
    out.removeUnusedVertices();
    if (log)
        log("dropped " + std::to_string(dropped) + " of " + std::to_string(mesh.triangleCount()) + " triangles of " + id + " (" +
            sideName(side) + ") that lie across the midline");
    return out;
}

/// A part the catalog names for both sides is a midline part (the diaphragm, which
/// BodyParts3D models as one mesh): each side keeps its own half, cut at x = 0 the way
/// Z-Anatomy muscles are, so the halves meet without overlapping and a click picks one side.
/// Unlike Z-Anatomy's, the left half is not a mirror: BodyParts3D's real asymmetry stays.
Mesh ownHalf(const Mesh& mesh, Side side) {
    return side == Side::Right ? keepRightHalf(mesh) : keepRightHalf(mesh.mirroredX()).mirroredX();
}

bool namesSource(const std::vector<SourceRef>& refs, const SourceRef& ref) {
    for (const auto& r : refs)
        if (r.kind == ref.kind && r.name == ref.name) return true;
    return false;
}

PackObject makeObject(std::string id, Side side, Layer layer, Mesh full, float ratio) {
    PackObject o;
    o.muscleId = std::move(id);
    o.side = side;
    o.layer = layer;
    full.removeUnusedVertices();
    o.bounds = full.bounds();
    o.lods[1] = makeInteractiveLod(full, ratio);
    o.lods[0] = std::move(full);
    return o;
}

// A patch piece counts as lying on the Z-Anatomy bone nearest it when its mean distance
// from it is at most kMaxBoneGap (the farthest attachments that are bony, beside arches such
// as the diaphragm's, sit about 12 mm off); farther pieces lie on a ligament (the inguinal
// ligament) or a tendinous intersection, and are listed as strays.
constexpr float kBoneReach = 0.03f;
constexpr float kMaxBoneGap = 0.015f;
// Registered patches sit a few millimetres inside or above the drawn bones; the vertices
// within kLayReach are laid onto them, kLayLift out, so the depth test shows them. Farther
// ones (on cartilage the skeleton lacks) stay where the registration put them.
constexpr float kLayReach = 0.015f;
constexpr float kLayLift = 0.0008f;

/// Tucks bone-like surfaces under the skin the way the skeleton is: a few passes, since in
/// the concave eye sockets one push can land outside again.
void tuckLikeBones(Mesh& mesh, const MeshBvh& skin) {
    for (int pass = 0; pass < 4; ++pass)
        if (tuckUnderSkin(mesh, skin, 0.002f) == 0) break;
}

/// Builds the attachment objects into `out`: see importPack. Missing inputs leave `out`
/// empty and say why in `report.unavailable`.
void buildAttachments(SourceLibrary& lib, const ImportOptions& options, const Catalog& catalog, const Mesh& skin,
                      const Mesh& skeleton, AttachmentReport& report, std::vector<PackObject>& out) {
    const auto& log = options.log;
    auto unavailable = [&](const std::string& why) {
        report.unavailable = why;
        if (log) log("no muscle attachments: " + why);
    };
    const std::string tablePath = options.modelsDir + "/attachments.tsv";
    const std::string patchPath = (fs::path(options.sourcesDir) / "z-anatomy" / "insertions.glb").string();
    AttachmentTable table;
    try {
        table = AttachmentTable::load(tablePath);
    } catch (const MissingSourceError& e) {
        return unavailable(e.what());
    }
    std::string unknownMuscles;
    for (const auto& r : table.rules)
        if (!catalog.find(r.muscleId))
            unknownMuscles += "\n  " + tablePath + ":" + std::to_string(r.line) + ": '" + r.muscleId + "'";
    if (!unknownMuscles.empty())
        throw CatalogError("attachment rows name muscles muscles.tsv does not have:" + unknownMuscles);

    std::vector<NamedMesh> patches;
    const std::vector<NamedMesh>* bones = nullptr;
    try {
        patches = makeGlbReader()->read(patchPath);  // an unreadable file throws MeshFileError: fatal
        lib.addRegions(table.bones, tablePath);
        bones = &lib.zanatomyBones();
    } catch (const MissingSourceError& e) {
        return unavailable(e.what());
    } catch (const ImportError& e) {
        return unavailable(e.what());
    }
    std::string unknownRegions;
    for (const auto& r : table.rules)
        if (!lib.regionFit(r.region))
            unknownRegions += "\n  " + tablePath + ":" + std::to_string(r.line) + ": region '" + r.region + "'";
    if (!unknownRegions.empty())
        throw CatalogError("attachment rows name regions with no bone pairs in registration.tsv or attachments.tsv:" +
                           unknownRegions);

    const BoneLocator locator(*bones);
    const MeshBvh skinBvh(skin), skeletonBvh(skeleton);
    std::map<std::pair<std::string, AttachmentKind>, Mesh> right;  // (muscle, kind) -> right-side patch
    std::map<std::string, std::vector<float>> distances;           // region -> millimetres
    auto measure = [&](const Mesh& piece, const std::string& region) {
        for (const auto& p : piece.positions)
            for (const glm::vec3 q : {p, glm::vec3(-p.x, p.y, p.z)}) {  // the left side is the mirror
                const auto c = skeletonBvh.closest(q, 0.1f);
                const float mm = 1000.0f * (c ? c->distance : 0.1f);
                distances[region].push_back(mm);
                distances["all"].push_back(mm);
            }
    };
    report.patches = patches.size();
    for (const auto& patch : patches) {
        if (!table.mapsNode(patch.name)) {
            if (const AttachmentSkip* skip = table.skipFor(patch.name)) {
                report.skipped.push_back(patch.name + ": " + skip->reason);
            } else {
                report.unmapped.push_back(patch.name);
                if (log) log("attachment patch '" + patch.name + "' has no row in " + tablePath);
            }
            continue;
        }
        // The subject's right half, as for Z-Anatomy muscles; the left is its mirror.
        const Mesh half = keepRightHalf(patch.mesh);
        if (half.indices.empty()) {
            ++report.leftCopies;
            continue;
        }
        bool any = false;
        for (const Mesh& piece : connectedPieces(half)) {
            const auto hit = locator.nearest(piece, kBoneReach);
            if (!hit || hit->meanDistance > kMaxBoneGap) {
                const std::string where =
                    hit ? std::to_string(std::lround(1000.0f * hit->meanDistance)) + " mm from " +
                              (*bones)[hit->bone].name
                        : "more than " + std::to_string(std::lround(1000.0f * kBoneReach)) + " mm from any";
                report.strays.push_back(patch.name + ": a piece of " + std::to_string(piece.triangleCount()) +
                                        " triangles lies off the bones (" + where + ")");
                continue;
            }
            const std::string& bone = (*bones)[hit->bone].name;
            const auto rules = table.rulesFor(patch.name, bone);
            if (rules.empty()) {
                report.strays.push_back(patch.name + ": no row for its piece on '" + bone + "'");
                continue;
            }
            std::map<std::string, Mesh> registered;  // region -> the piece moved by its fit
            for (const AttachmentRule* rule : rules) {
                auto it = registered.find(rule->region);
                if (it == registered.end()) {
                    Mesh moved = piece;
                    transformMesh(moved, *lib.regionFit(rule->region));
                    moved = keepRightHalf(moved);
                    if (!skin.indices.empty()) tuckLikeBones(moved, skinBvh);
                    measure(moved, rule->region);
                    it = registered.emplace(rule->region, std::move(moved)).first;
                }
                if (it->second.indices.empty()) continue;
                right[{rule->muscleId, rule->kind}].append(it->second);
                ++report.pieces;
                any = true;
            }
        }
        if (any) {
            ++report.registered;
        } else {
            ++report.allStray;
        }
    }
    for (auto& [key, mesh] : right) {
        const auto& [muscle, kind] = key;
        for (Side side : {Side::Right, Side::Left}) {
            // Each side on its own bones: BodyParts3D's skeleton is not quite symmetric.
            Mesh laid = side == Side::Right ? mesh : mesh.mirroredX();
            if (!skeleton.indices.empty()) {
                report.laidVertices += layOnSurface(laid, skeletonBvh, kLayReach, kLayLift);
                report.vertices += laid.positions.size();
            }
            PackObject o = makeObject(muscle, side, Layer::Attachment, std::move(laid), options.interactiveRatio);
            o.kind = kind;
            out.push_back(std::move(o));
        }
    }
    report.objects = out.size();
    for (const auto& [region, mm] : distances) {
        if (region == "all") continue;
        const DistanceSummary d = summarizeDistances(mm);
        report.boneDistance.push_back({region, d.count, d.median, d.p95});
    }
    if (distances.count("all")) {
        const DistanceSummary d = summarizeDistances(distances["all"]);
        report.boneDistance.push_back({"all", d.count, d.median, d.p95});
    }
    if (log) {
        log("attachments: " + std::to_string(report.patches) + " patches, " + std::to_string(report.registered) +
            " registered, " + std::to_string(report.leftCopies) + " left-side copies, " +
            std::to_string(report.skipped.size()) + " skipped, " + std::to_string(report.unmapped.size()) +
            " unmapped, " + std::to_string(report.allStray) + " off the bones; " + std::to_string(report.objects) +
            " objects; " + std::to_string(report.laidVertices) + " of " + std::to_string(report.vertices) +
            " vertices laid on the bones");
        for (const auto& s : report.skipped) log("attachment patch skipped: " + s);
        for (const auto& s : report.strays) log("attachment piece left out: " + s);
    }
}

/// Triangles `count` indices from `first` in a mesh's index list.
struct IndexRange {
    std::size_t first = 0, count = 0;
};

// About a sixteenth of the skeleton per piece.
constexpr std::size_t kSkeletonPieceTriangles = 16000;

/// Groups bones (index ranges of `mesh`) into pieces of neighbouring bones of up to
/// `maxTriangles` (or one bone, if bigger): split in half at the median bone centre along
/// the longest side of the centres' box, again and again.
std::vector<std::vector<IndexRange>> groupBonesByRegion(const Mesh& mesh, std::vector<IndexRange> bones,
                                                        std::size_t maxTriangles) {
    std::vector<std::vector<IndexRange>> out;
    auto centre = [&](const IndexRange& r) {
        Bounds b;
        for (std::size_t i = r.first; i < r.first + r.count; ++i) b.add(mesh.positions[mesh.indices[i]]);
        return b.center();
    };
    std::function<void(std::vector<IndexRange>)> split = [&](std::vector<IndexRange> group) {
        std::size_t triangles = 0;
        for (const auto& r : group) triangles += r.count / 3;
        if (group.empty()) return;
        if (triangles <= maxTriangles || group.size() == 1) {
            out.push_back(std::move(group));
            return;
        }
        std::vector<std::pair<glm::vec3, IndexRange>> placed;
        Bounds box;
        for (const auto& r : group) {
            placed.emplace_back(centre(r), r);
            box.add(placed.back().first);
        }
        const glm::vec3 size = box.size();
        const int axis = size.x >= size.y && size.x >= size.z ? 0 : (size.y >= size.z ? 1 : 2);
        std::sort(placed.begin(), placed.end(), [&](const auto& a, const auto& b) { return a.first[axis] < b.first[axis]; });
        std::vector<IndexRange> low, high;
        for (std::size_t i = 0; i < placed.size(); ++i) (i < placed.size() / 2 ? low : high).push_back(placed[i].second);
        split(std::move(low));
        split(std::move(high));
    };
    bones.erase(std::remove_if(bones.begin(), bones.end(), [](const IndexRange& r) { return r.count == 0; }), bones.end());
    split(std::move(bones));
    return out;
}

/// Finds each level of detail's visible shell of the muscles and bones together (the
/// default view) and puts it first in every object's index list.
void findShells(Pack& pack, const std::function<void(const std::string&)>& log) {
    for (Lod lod : {Lod::Full, Lod::Interactive}) {
        const int l = static_cast<int>(lod);
        std::vector<PackObject*> body;
        std::vector<const Mesh*> meshes;
        for (auto& o : pack.objects)
            if (o.layer == Layer::Muscle || o.layer == Layer::Skeleton) {
                body.push_back(&o);
                meshes.push_back(&o.lods[l]);
            }
        if (body.empty()) continue;
        const auto start = std::chrono::steady_clock::now();
        ShellOptions shellOptions;
        // Full detail: small triangles, one ring of neighbours is cheap. Interactive: big
        // ones, tried at their corners instead.
        shellOptions.grow = lod == Lod::Full ? 1 : 0;
        shellOptions.cornerSamples = lod == Lod::Interactive;
        const auto visible = findVisibleShell(meshes, shellOptions);
        std::size_t all = 0, kept = 0;
        for (std::size_t i = 0; i < body.size(); ++i) {
            body[i]->shell[l] = putShellFirst(body[i]->lods[l], visible[i]);
            all += body[i]->lods[l].indices.size() / 3;
            kept += body[i]->shell[l] / 3;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (log)
            log(std::string("visible shell at ") + (lod == Lod::Full ? "full" : "interactive") + " detail: " +
                std::to_string(kept) + " of " + std::to_string(all) + " muscle and bone triangles, found in " +
                std::to_string(seconds) + " s");
    }
}

}  // namespace

void checkSourcesFolder(const std::string& dir) {
    if (dir.empty()) throw SourcesError(std::string("No anatomy sources folder was given. ") + kWhereDataComesFrom);
    if (!fs::is_directory(dir))
        throw SourcesError("The anatomy sources folder '" + dir + "' does not exist. " + kWhereDataComesFrom);
    if (!isBodyParts3DFolder((fs::path(dir) / "bodyparts3d").string()))
        throw SourcesError("The anatomy sources folder '" + dir +
                           "' has no BodyParts3D parts (bodyparts3d/parts/ with GLB or OBJ files, or the DBCLS download "
                           "unpacked as bodyparts3d/isa_BP3D_4.0_obj_99/). " +
                           kWhereDataComesFrom);
}

std::size_t tuckUnderSkin(Mesh& mesh, const MeshBvh& skin, float depth) {
    std::size_t moved = 0;
    for (auto& p : mesh.positions) {
        // Test against the skin here and, mirrored, against the skin on the other side,
        // and take the deeper tuck: the body's skin is not quite symmetric, and the two
        // sides of a muscle must stay mirror images of each other.
        const glm::vec3 mirrored(-p.x, p.y, p.z);
        // Vertices deeper than a few centimetres cannot be near the skin: a bounded
        // search rejects them quickly.
        constexpr float kReach = 0.02f;
        const auto here = skin.closest(p, kReach);
        const auto there = skin.closest(mirrored, kReach);
        if (!here && !there) continue;
        if (!here || !there) {
            const auto& only = here ? *here : *there;
            const glm::vec3 q = here ? p : mirrored;
            const glm::vec3 normal = here ? only.normal : glm::vec3(-only.normal.x, only.normal.y, only.normal.z);
            const float outside = glm::dot(q - only.point, only.normal);
            if (outside <= -depth) continue;
            p -= (outside + depth) * normal;
            ++moved;
            continue;
        }
        const float outsideHere = glm::dot(p - here->point, here->normal);  // > 0 outside the skin
        const glm::vec3 thereNormal(-there->normal.x, there->normal.y, there->normal.z);
        const float outsideThere = glm::dot(mirrored - there->point, there->normal);
        const bool useHere = outsideHere >= outsideThere;
        const float outside = useHere ? outsideHere : outsideThere;
        if (outside <= -depth) continue;
        p -= (outside + depth) * (useHere ? here->normal : thereNormal);
        ++moved;
    }
    if (moved) mesh.recomputeNormals();
    return moved;
}

std::size_t dropMidlineSheets(Mesh& mesh) {
    // Connected pieces, joining vertices that share a triangle or a position.
    const std::vector<std::uint32_t> pieceOfVertex = connectedPieceOfEachVertex(mesh);
    struct Piece {
        std::size_t triangles = 0;
        float maxX = -1e9f;
    };
    std::map<std::uint32_t, Piece> pieces;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        Piece& piece = pieces[pieceOfVertex[mesh.indices[t]]];
        ++piece.triangles;
        for (int k = 0; k < 3; ++k) piece.maxX = std::max(piece.maxX, mesh.positions[mesh.indices[t + k]].x);
    }
    std::size_t largest = 0;
    for (const auto& [root, piece] : pieces) largest = std::max(largest, piece.triangles);
    std::vector<std::uint32_t> kept;
    std::size_t dropped = 0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const Piece& piece = pieces[pieceOfVertex[mesh.indices[t]]];
        if (piece.maxX > -0.001f && 2 * piece.triangles < largest) {
            ++dropped;
            continue;
        }
        kept.insert(kept.end(), mesh.indices.begin() + static_cast<long>(t), mesh.indices.begin() + static_cast<long>(t) + 3);
    }
    if (dropped) {
        mesh.indices = std::move(kept);
        mesh.removeUnusedVertices();
    }
    return dropped;
}

Mesh keepRightHalf(const Mesh& mesh) {
    Mesh out;
    std::vector<std::int64_t> remap(mesh.positions.size(), -1);
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const auto a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        if ((mesh.positions[a].x + mesh.positions[b].x + mesh.positions[c].x) >= 0.0f) continue;
        for (auto v : {a, b, c}) {
            if (remap[v] < 0) {
                remap[v] = static_cast<std::int64_t>(out.positions.size());
                // Pull straddling corners onto the midline so the mirrored left half meets
                // the right one instead of overlapping it.
                out.positions.push_back(glm::vec3(std::min(mesh.positions[v].x, 0.0f), mesh.positions[v].y, mesh.positions[v].z));
                out.normals.push_back(mesh.normals[v]);
            }
            out.indices.push_back(static_cast<std::uint32_t>(remap[v]));
        }
    }
    return out;
}

Mesh makeInteractiveLod(const Mesh& full, float ratio) {
    if (full.indices.empty()) return full;
    // Weld by position only so normal seams do not block simplification.
    std::vector<unsigned int> remap(full.positions.size());
    const std::size_t unique = meshopt_generateVertexRemap(remap.data(), full.indices.data(), full.indices.size(),
                                                           full.positions.data(), full.positions.size(), sizeof(glm::vec3));
    Mesh welded;
    welded.positions.resize(unique);
    meshopt_remapVertexBuffer(welded.positions.data(), full.positions.data(), full.positions.size(), sizeof(glm::vec3), remap.data());
    welded.indices.resize(full.indices.size());
    meshopt_remapIndexBuffer(welded.indices.data(), full.indices.data(), full.indices.size(), remap.data());

    const std::size_t target = std::max<std::size_t>(3 * 64, static_cast<std::size_t>(welded.indices.size() * ratio) / 3 * 3);
    if (target < welded.indices.size()) {
        std::vector<unsigned int> simplified(welded.indices.size());
        float error = 0.0f;
        std::size_t count = meshopt_simplify(simplified.data(), welded.indices.data(), welded.indices.size(),
                                             &welded.positions[0].x, welded.positions.size(), sizeof(glm::vec3), target,
                                             0.02f, 0, &error);
        if (count > target * 2) {
            // Fall back to the topology-free simplifier for meshes that resist collapsing.
            count = meshopt_simplifySloppy(simplified.data(), welded.indices.data(), welded.indices.size(),
                                           &welded.positions[0].x, welded.positions.size(), sizeof(glm::vec3), target,
                                           0.02f, &error);
        }
        if (count >= 3) {
            simplified.resize(count);
            welded.indices.assign(simplified.begin(), simplified.end());
        }
    }
    // Drop vertices no triangle uses any more.
    std::vector<unsigned int> fetch(welded.positions.size());
    const std::size_t kept = meshopt_optimizeVertexFetchRemap(fetch.data(), welded.indices.data(), welded.indices.size(), welded.positions.size());
    Mesh out;
    out.positions.resize(kept);
    meshopt_remapVertexBuffer(out.positions.data(), welded.positions.data(), welded.positions.size(), sizeof(glm::vec3), fetch.data());
    out.indices.resize(welded.indices.size());
    meshopt_remapIndexBuffer(out.indices.data(), welded.indices.data(), welded.indices.size(), fetch.data());
    out.recomputeNormals();
    return out;
}

Pack importPack(const ImportOptions& options, ImportReport* report) {
    checkSourcesFolder(options.sourcesDir);
    const std::string catalogPath = options.modelsDir + "/muscles.tsv";
    const Catalog catalog = Catalog::load(catalogPath);
    const auto layers = loadLayerSources(options.modelsDir + "/layers.tsv");
    SourceLibrary lib(options.sourcesDir, options.modelsDir, options.log);

    // Every absent mesh is reported at once, so one run shows the whole list.
    std::vector<std::string> missing;
    auto loadSide = [&](const MuscleEntry& e, const std::vector<SourceRef>& refs, Side side) -> Mesh {
        Mesh m;
        for (const auto& ref : refs) {
            try {
                if (ref.kind == "bp3d" && namesSource(side == Side::Right ? e.left : e.right, ref)) {
                    m.append(ownHalf(lib.bp3d(ref.name), side));
                } else if (ref.kind == "bp3d") {
                    m.append(keepOwnSide(lib.bp3d(ref.name), side, e.id, options.log));
                } else if (side == Side::Right) {
                    m.append(lib.zanatomyRight(ref.name));
                } else {
                    m.append(lib.zanatomyRight(ref.name).mirroredX());
                }
            } catch (const MissingSourceError& err) {
                // A missing file is listed with the rest; a corrupt one (any other
                // MeshFileError) stops the build at once.
                missing.push_back(catalogPath + ":" + std::to_string(e.line) + ": muscle '" + e.id + "' (" + sideName(side) +
                                  ") names " + ref.text() + ", but " + err.what());
            } catch (const ImportError& err) {
                missing.push_back(catalogPath + ":" + std::to_string(e.line) + ": muscle '" + e.id + "' (" + sideName(side) +
                                  ") names " + ref.text() + ", but " + err.what());
            }
        }
        return m;
    };

    // The skin first: muscle surfaces that poke through it (thin skin, registration
    // error) are tucked just beneath it, so the x-ray view shows no false red patches.
    Mesh skin, skeleton;
    std::vector<IndexRange> bones;  // each bone's triangles in `skeleton`
    for (const auto& l : layers) {
        if (l.layer == "skin") {
            skin.append(lib.bp3d(l.source.name));
        } else {
            const std::size_t first = skeleton.indices.size();
            skeleton.append(lib.bp3d(l.source.name));
            bones.push_back({first, skeleton.indices.size() - first});
        }
    }
    const MeshBvh skinBvh(skin);
    std::size_t tucked = 0;

    Pack pack;
    for (const auto& e : catalog.muscles()) {
        for (Side side : {Side::Right, Side::Left}) {
            Mesh m = loadSide(e, side == Side::Right ? e.right : e.left, side);
            if (m.indices.empty()) continue;
            if (!skin.indices.empty()) tucked += tuckUnderSkin(m, skinBvh);
            pack.objects.push_back(makeObject(e.id, side, Layer::Muscle, std::move(m), options.interactiveRatio));
        }
        if (options.log) options.log("imported " + e.id);
    }
    if (!missing.empty()) {
        std::string msg = std::to_string(missing.size()) + " catalog source(s) have no mesh:";
        for (const auto& m : missing) msg += "\n  " + m;
        throw ImportError(msg);
    }
    if (options.log) options.log("tucked " + std::to_string(tucked) + " muscle vertices under the skin");
    // Bones too: where the skull or the breastbone pokes through the thin skin, an opaque
    // bone hides the referral paint (a white spot in a zone over the brow or the chest).
    if (!skin.indices.empty() && !skeleton.indices.empty()) {
        // In the concave eye sockets one push can land outside again: repeat until settled.
        std::size_t bones = 0;
        for (int pass = 0; pass < 4; ++pass) {
            const std::size_t moved = tuckUnderSkin(skeleton, skinBvh, 0.002f);
            bones += moved;
            if (moved == 0) break;
        }
        if (options.log) options.log("tucked " + std::to_string(bones) + " bone vertices under the skin");
    }
    // Attachments after the bones are tucked: they are measured against, and drawn on, the
    // skeleton as the pack has it.
    ImportReport localReport;
    ImportReport& rep = report ? *report : localReport;
    rep = ImportReport{};
    std::vector<PackObject> attachments;
    buildAttachments(lib, options, catalog, skin, skeleton, rep.attachments, attachments);
    if (!skin.indices.empty()) pack.objects.push_back(makeObject("skin", Side::None, Layer::Skin, std::move(skin), 0.3f));
    // The skeleton in regional pieces, so a close-up leaves out the bones beside the view.
    for (const auto& group : groupBonesByRegion(skeleton, bones, kSkeletonPieceTriangles)) {
        Mesh piece;
        piece.positions = skeleton.positions;
        piece.normals = skeleton.normals;
        for (const IndexRange& r : group)
            piece.indices.insert(piece.indices.end(), skeleton.indices.begin() + static_cast<std::ptrdiff_t>(r.first),
                                 skeleton.indices.begin() + static_cast<std::ptrdiff_t>(r.first + r.count));
        pack.objects.push_back(makeObject("skeleton", Side::None, Layer::Skeleton, std::move(piece), options.interactiveRatio));
    }
    for (auto& o : attachments) pack.objects.push_back(std::move(o));
    findShells(pack, options.log);
    return pack;
}

}  // namespace myomap
