#pragma once
// "Where does it hurt?": the reverse lookup from a pain drawing to the muscles whose
// referral patterns explain it, ranked with the evidence shown. GL-free; the app, the query
// command and the tests share it.
//
// For each muscle and side it measures, on the skin map:
// - explained: the share of the drawing's area the pattern covers (essential zones and the
//   pain over the knot count fully, spillover half);
// - covered: the share of one knot's essential area (with its local pain) the drawing
//   covers, for the knot that fits best, since one active knot gives its whole pattern
//   and several knots of one muscle add their patterns (Travell & Simons);
// - prior: muscles that are most often the cause weigh a little more;
// - press: "Does pressing here bring on your familiar pain?" moves it up or down.
// score = prior * press * (0.6 * explained + 0.4 * covered).

#include <cstdint>
#include <string>
#include <vector>

#include "core/anatomy/catalog.h"
#include "core/clinical/pain_drawing.h"
#include "core/clinical/skin_map.h"
#include "core/geometry/bvh.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

/// A painful spot on the skin, with the skin's outward normal there.
struct PainSpot {
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    float radius = 0.0f;  ///< 0 for a clicked point; a named area's size, so the whole patch counts
};

/// Snaps a point to the nearest skin point. Throws ArgumentError when it is more than
/// `maxDistance` metres from the skin.
PainSpot snapToSkin(const MeshBvh& skin, const glm::vec3& point, float maxDistance = 0.05f);

/// One zone of the candidate that the drawing touches.
struct ZoneMatch {
    int knot = 0;
    std::string knotName;
    bool essential = true;
    bool local = false;
    std::string where;
    double share = 0.0;  ///< of the drawing's area inside this zone
};

enum class Confidence { Strong, Possible, Weak };
const char* confidenceName(Confidence c);  ///< "strong", "possible", "weak"

struct ScoreParts {
    double explained = 0.0;  ///< 0..1 of the drawing
    double covered = 0.0;    ///< 0..1 of the best knot's essential area
    double prior = 1.0;
    double press = 1.0;
};

struct PainCandidate {
    const KnowledgeEntry* entry = nullptr;
    Side side = Side::Right;
    double score = 0.0;
    ScoreParts parts;
    Confidence confidence = Confidence::Weak;
    int bestKnot = 0;
    const PressCheck* answer = nullptr;  ///< points into the drawing given to rank()
    std::vector<ZoneMatch> matches;

    /// Plain-language reason, e.g. "Its pain pattern includes 70% of what you drew (temple,
    /// side of the neck). What you drew fills 45% of where its pain is usually felt."
    std::string reason() const;
};

/// The prior weight for muscles the literature names among the most frequent causes.
inline constexpr double kCommonCausePrior = 1.25;

class PainFinder {
public:
    /// Builds every zone's field on the skin map, for both sides; `kb` and `map` must
    /// outlive the finder.
    PainFinder(const KnowledgeBase& kb, const SkinMap& map);

    /// Ranks the muscles for a drawing's vertices (from drawnVertices) and its answers.
    std::vector<PainCandidate> rank(const std::vector<std::uint32_t>& drawn, const PainDrawing& drawing,
                                    std::size_t limit = 10) const;
    /// Clicked spots and areas, as a drawing of discs (a point counts 1.5 cm around it).
    std::vector<PainCandidate> find(const std::vector<PainSpot>& spots, std::size_t limit = 10) const;
    std::size_t zoneCount() const { return zones_.size(); }
    const SkinMap& skinMap() const { return map_; }

private:
    struct Zone {
        const KnowledgeEntry* entry;
        Side side;
        ZoneShape shape;
        std::vector<std::uint32_t> vertices;  // sorted
        std::vector<float> coverage;
        std::vector<std::uint8_t> piece;      // the nearest piece of the shape, per vertex (its place name)
        double area = 0.0;                    // coverage-weighted
    };
    const SkinMap& map_;
    std::vector<Zone> zones_;  // grouped by entry and side
};

}  // namespace myomap
