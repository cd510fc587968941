#pragma once
// The knowledge base (content/): per-muscle knot sites, referral zones and self-care, and
// general topics. Loaded from YAML; every error names file:line, and a broken entry is
// skipped while the rest loads.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "catalog.h"

namespace myomap {

/// A patch of skin: a point on the skin and a radius (metres), right side.
struct SkinBlob {
    std::string where;  ///< plain-language place, e.g. "temple"
    glm::vec3 center{0.0f};
    float radius = 0.0f;
    int line = 0;
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
    int line = 0;
};

struct SelfMassage {
    std::string name, tool, dose, pressure;
    std::vector<std::string> steps, avoid;
};

struct Stretch {
    std::string name, start, frequency;
    std::vector<std::string> steps, avoid;
    int holdSeconds = 0, repetitions = 0;
};

/// One muscle entry (or group, e.g. the scalenes).
struct KnowledgeEntry {
    std::string id, title, summary, clinical;
    std::vector<std::string> covers;  ///< catalog ids
    std::vector<KnotSite> knots;      ///< empty for short entries
    std::vector<std::string> symptoms, causes, redFlags, cautions, sources;
    std::vector<SelfMassage> selfMassage;
    std::vector<Stretch> stretches;
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
    static KnowledgeBase withEntries(std::vector<KnowledgeEntry> entries);

    const std::vector<KnowledgeEntry>& entries() const { return entries_; }
    const std::vector<LearnTopic>& topics() const { return topics_; }
    const std::map<std::string, std::string>& sources() const { return sources_; }
    /// "file:line: message" for every problem found while loading.
    const std::vector<std::string>& errors() const { return errors_; }

    /// The entry that covers a catalog muscle id, or nullptr.
    const KnowledgeEntry* forMuscle(const std::string& muscleId) const;
    const KnowledgeEntry* find(const std::string& entryId) const;

    /// Parses one muscle entry file's text; throws ContentError naming label:line.
    static KnowledgeEntry parseEntry(const std::string& text, const std::string& label, const Catalog& catalog,
                                     const std::map<std::string, std::string>& sources);

private:
    std::vector<KnowledgeEntry> entries_;
    std::vector<LearnTopic> topics_;
    std::map<std::string, std::string> sources_;
    std::vector<std::string> errors_;
};

/// Flesch-Kincaid grade level of English text (0.39 w/s + 11.8 syl/w - 15.59).
double fleschKincaidGrade(const std::string& text);

}  // namespace myomap
