#pragma once
// The knowledge base (content/): per-muscle knot sites, referral zones and self-care, and
// general topics. Loaded from YAML; every error names file:line, and a broken entry is
// skipped while the rest loads.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/knowledge/body_areas.h"
#include "core/knowledge/movement.h"
#include "core/anatomy/catalog.h"

namespace myomap {

/// A patch of skin: a point on the skin and a radius (metres), right side.
/// One piece of a referral zone on the skin, right side: a disc (`center`, `radius`), or,
/// when `path` is given, a band of width 2 * `radius` along the path's points (a stripe
/// down a limb); `center` is then the path's first point.
struct SkinBlob {
    std::string where;  ///< plain-language place, e.g. "temple"
    glm::vec3 center{0.0f};
    float radius = 0.0f;
    int line = 0;
    std::string area;  ///< body area id when the centre is that area's point (`at:`), else empty
    std::vector<glm::vec3> path;  ///< two or more points for a band; empty for a disc
};

struct Referral {
    std::vector<SkinBlob> essential;  ///< where nearly everyone feels it
    std::vector<SkinBlob> spillover;  ///< felt by some
    std::string feelsLike;
};

struct KnotSite {
    std::string id, name, palpation;
    glm::vec3 position{0.0f};  ///< on the muscle's surface, right side
    Referral referral;
    /// Too close to nerves or vessels for a patient to press: the patient view says so and
    /// no self-massage may work on it.
    bool clinicianOnly = false;
    int line = 0;
};

/// Something that causes or keeps a knot going, with one concrete thing to change.
struct Cause {
    std::string cause, change;
    int line = 0;
};

/// What the body leans on to make a self-massage's pressure.
enum class MassageSurface { None, Wall, Floor };
/// How a self-massage works the muscle.
enum class MassageStroke { Press, Roll, Strip, Pinch };

struct SelfMassage {
    std::string name, tool, hand, dose, pressure;
    MassageSurface against = MassageSurface::None;  ///< wall or floor; none when the hand holds the tool
    MassageStroke stroke = MassageStroke::Press;
    bool setUpGiven = false;  ///< `against` and `stroke` were written (not defaults)
    std::vector<std::string> steps, avoid;
    std::vector<std::string> knots;  ///< knot ids it works on; empty: every knot that is not clinician-only
    std::vector<std::string> near;   ///< endangerment site ids whose caution goes with the steps
    int line = 0;

    /// True when this technique works on `knot` of `entry`'s knots.
    bool worksOn(const KnotSite& knot) const;
};

struct Stretch {
    std::string name, start, frequency, holdRelax;
    std::vector<std::string> steps, avoid;
    /// What moves and which way; the first is the main movement, drawn as an arrow.
    std::vector<JointMovement> movement;
    int holdSeconds = 0, repetitions = 0;
    int line = 0;
};

/// A place where nerves or large vessels lie close under the skin (content/endangerment.yaml):
/// patients must not press there. A point on the skin, right side (x near 0 on the midline).
struct EndangermentSite {
    std::string id, name, structures, caution;
    glm::vec3 point{0.0f};
    float radius = 0.0f;
    int line = 0;
};

/// A fact a student learns, full (one or two sentences) and short (a flash-card answer).
struct MuscleFact {
    std::string full, brief;
};

/// Attachments, action and nerve supply (clinician level), with their sources.
struct MuscleFacts {
    MuscleFact origin, insertion, action, innervation;
    std::vector<std::string> roots;  ///< nerve roots: "C5", "L4", "CN XI"
    std::vector<std::string> sources;
    int line = 0;
};

/// The centre of a joint (content/joints.yaml), right side: where a stretch's arrow turns.
struct JointCentre {
    Joint joint = Joint::Neck;
    glm::vec3 centre{0.0f};
    int line = 0;
};

/// One muscle entry (or group, e.g. the scalenes).
struct KnowledgeEntry {
    std::string id, title, summary, clinical;
    std::vector<std::string> covers;  ///< catalog ids
    std::optional<MuscleFacts> facts;
    std::vector<KnotSite> knots;      ///< empty for short entries
    /// Named among the most frequent causes of myofascial pain (`common_cause:` lists the
    /// sources); the pain finder weighs it a little more.
    bool commonCause = false;
    std::vector<std::string> commonCauseSources;
    std::vector<std::string> symptoms, redFlags, cautions, sources;
    std::vector<Cause> causes;
    std::vector<SelfMassage> selfMassage;
    std::vector<Stretch> stretches;
    std::string progression;              ///< how to progress over the first weeks
    std::string heat;                     ///< moist heat afterwards; may be empty
    std::vector<std::string> alsoCheck;   ///< entry ids of muscles whose knots often come with these
    std::string file;

    bool hasKnotData() const { return !knots.empty(); }
};

struct LearnTopic {
    std::string id, title;
    int order = 0;
    std::vector<std::string> body, bullets, sources;
    std::string file;
};

class KnowledgeBase {
public:
    /// Loads content/ (muscles/*.yaml, learn/*.yaml, sources.yaml). Never throws for a bad
    /// entry: its errors go to errors() and it is left out. Throws ContentError only when
    /// the folder itself is missing.
    static KnowledgeBase load(const std::string& contentDir, const Catalog& catalog);
    /// A knowledge base of the given entries only (tests, tools).
    static KnowledgeBase withEntries(std::vector<KnowledgeEntry> entries, std::vector<EndangermentSite> sites = {},
                                     std::vector<BodyArea> areas = {}, std::vector<JointCentre> joints = {});

    const std::vector<KnowledgeEntry>& entries() const { return entries_; }
    const std::vector<LearnTopic>& topics() const { return topics_; }
    const std::map<std::string, std::string>& sources() const { return sources_; }
    /// Body areas of content/areas.yaml (the gazetteer zones name with `at:`).
    const std::vector<BodyArea>& areas() const { return areas_; }
    const std::vector<EndangermentSite>& endangermentSites() const { return sites_; }
    /// Joint centres of content/joints.yaml; a joint may be missing when the file is.
    const std::vector<JointCentre>& joints() const { return joints_; }
    const JointCentre* findJoint(Joint joint) const;
    const EndangermentSite* findSite(const std::string& id) const;
    /// "file:line: message" for every problem found while loading.
    const std::vector<std::string>& errors() const { return errors_; }

    /// The entry that covers a catalog muscle id, or nullptr.
    const KnowledgeEntry* forMuscle(const std::string& muscleId) const;
    const KnowledgeEntry* find(const std::string& entryId) const;

    /// What an entry's text refers to that lives outside it: sources, body areas, sites.
    struct References {
        const std::map<std::string, std::string>& sources;
        const std::vector<BodyArea>& areas;
        const std::vector<EndangermentSite>& sites;
    };
    /// Parses one muscle entry file's text; throws ContentError naming label:line.
    static KnowledgeEntry parseEntry(const std::string& text, const std::string& label, const Catalog& catalog,
                                     const References& references);
    /// Reads content/endangerment.yaml; throws ContentError naming file:line.
    static std::vector<EndangermentSite> loadEndangermentSites(const std::string& path);
    /// Parses the text of an endangerment file; `label` names it in errors (ContentError, label:line).
    static std::vector<EndangermentSite> parseEndangermentSites(const std::string& text, const std::string& label);
    /// Parses content/joints.yaml's text; throws ContentError naming label:line.
    static std::vector<JointCentre> parseJoints(const std::string& text, const std::string& label);

private:
    std::vector<KnowledgeEntry> entries_;
    std::vector<LearnTopic> topics_;
    std::map<std::string, std::string> sources_;
    std::vector<BodyArea> areas_;
    std::vector<EndangermentSite> sites_;
    std::vector<JointCentre> joints_;
    std::vector<std::string> errors_;
};

}  // namespace myomap
