#include "core/study/quiz.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/knowledge/side_text.h"
#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// std::mt19937 is the same everywhere; the standard distributions are not, so the quiz
/// draws its numbers itself (the same seed must give the same quiz on every machine).
class Draw {
public:
    explicit Draw(std::uint32_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(engine_() % n); }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937 engine_;
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Spaces, hyphens and underscores are the same to a student typing.
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string plainName(const Catalog& catalog, const std::string& id) {
    const MuscleEntry* m = catalog.find(id);
    return inSentence(m ? m->commonName : id);
}

}  // namespace

std::string inSentence(std::string name) {
    // "Transverse head of ..." reads "the left transverse head of ..."; "SCM" stays.
    if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) && std::islower(static_cast<unsigned char>(name[1])))
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
}

const char* quizKindName(QuizKind kind) {
    switch (kind) {
        case QuizKind::Name: return "name";
        case QuizKind::Find: return "find";
        case QuizKind::Refers: return "refers";
        case QuizKind::Paint: return "paint";
    }
    return "name";
}

std::optional<QuizKind> parseQuizKind(const std::string& text) {
    for (QuizKind k : {QuizKind::Name, QuizKind::Find, QuizKind::Refers, QuizKind::Paint})
        if (text == quizKindName(k)) return k;
    return std::nullopt;
}

int StudyProgress::box(const std::string& key) const {
    const auto it = boxes.find(key);
    return it == boxes.end() ? 1 : it->second;
}

void StudyProgress::record(const std::string& key, bool right) {
    boxes[key] = right ? std::min(5, box(key) + 1) : 1;
    ++answered;
    if (right) ++correct;
}

std::string questionKey(const QuizQuestion& q) {
    std::string key = std::string(quizKindName(q.kind)) + ":" + q.muscle + ":" + sideName(q.side);
    if (q.knot >= 0) key += ":" + std::to_string(q.knot + 1);
    return key;
}

std::vector<QuizQuestion> makeQuiz(const Catalog& catalog, const KnowledgeBase& kb, const QuizOptions& o, const StudyProgress& progress) {
    if (o.count < 1 || o.count > 200) throw ArgumentError("a quiz has 1 to 200 questions");
    const bool needKnots = o.knotDataOnly || o.kind == QuizKind::Refers || o.kind == QuizKind::Paint;
    // Every possible question, in catalog order, then drawn.
    std::vector<QuizQuestion> pool;
    std::set<std::string> regions;
    for (const auto& m : catalog.muscles()) {
        regions.insert(m.region);
        if (!o.region.empty() && m.region != o.region) continue;
        const KnowledgeEntry* e = kb.forMuscle(m.id);
        if (needKnots && (!e || !e->hasKnotData())) continue;
        // A group entry's pattern is asked once, for its first muscle.
        if ((o.kind == QuizKind::Refers || o.kind == QuizKind::Paint) && e->covers.front() != m.id) continue;
        for (Side side : {Side::Right, Side::Left}) {
            if (o.kind == QuizKind::Refers || o.kind == QuizKind::Paint) {
                for (std::size_t k = 0; k < e->knots.size(); ++k) {
                    QuizQuestion q{o.kind, m.id, side, e->id, static_cast<int>(k), {}, {}};
                    pool.push_back(q);
                }
            } else {
                pool.push_back({o.kind, m.id, side, e ? e->id : std::string(), -1, {}, {}});
            }
        }
    }
    if (pool.empty()) {
        if (!o.region.empty() && !regions.count(o.region)) {
            std::string list;
            for (const auto& r : regions) list += (list.empty() ? "" : ", ") + r;
            throw ArgumentError("--region '" + o.region + "' is not a region of the catalog (regions: " + list + ")");
        }
        throw ArgumentError("no muscle fits this quiz (try without --region)");
    }
    Draw draw(o.seed);
    draw.shuffle(pool);
    // Lower boxes first: what was missed comes back before what is known.
    std::stable_sort(pool.begin(), pool.end(),
                     [&](const QuizQuestion& a, const QuizQuestion& b) { return progress.box(questionKey(a)) < progress.box(questionKey(b)); });
    // One question per muscle and side at most in a quiz.
    std::vector<QuizQuestion> quiz;
    std::set<std::string> asked;
    for (auto& q : pool) {
        if (int(quiz.size()) >= o.count) break;
        if (!asked.insert(q.muscle + ":" + sideName(q.side)).second) continue;
        quiz.push_back(q);
    }
    // Choices: the answer and others, from the same region first so they are not too easy.
    for (auto& q : quiz) {
        const std::string region = catalog.find(q.muscle)->region;
        if (q.kind == QuizKind::Name || q.kind == QuizKind::Refers) {
            std::vector<std::string> near, far;
            for (const auto& m : catalog.muscles()) {
                if (m.id == q.muscle) continue;
                const KnowledgeEntry* e = kb.forMuscle(m.id);
                if (q.kind == QuizKind::Refers && (!e || !e->hasKnotData() || e->id == q.entry || e->covers.front() != m.id)) continue;
                if (q.kind == QuizKind::Name && e && e->id == q.entry && !q.entry.empty()) continue;  // parts of one group
                (m.region == region ? near : far).push_back(m.id);
            }
            draw.shuffle(near);
            draw.shuffle(far);
            near.insert(near.end(), far.begin(), far.end());
            q.choices.push_back(q.muscle);
            for (std::size_t i = 0; i < near.size() && int(q.choices.size()) < o.choices; ++i) q.choices.push_back(near[i]);
            draw.shuffle(q.choices);
        }
        const std::string side = sideName(q.side);
        const KnowledgeEntry* e = q.entry.empty() ? nullptr : kb.find(q.entry);
        switch (q.kind) {
            case QuizKind::Name: q.prompt = "Which muscle is highlighted (" + side + " side)?"; break;
            case QuizKind::Find: q.prompt = "Click the " + side + " " + plainName(catalog, q.muscle) + "."; break;
            case QuizKind::Refers: q.prompt = "A knot in which muscle sends pain to the painted area (" + side + " side)?"; break;
            case QuizKind::Paint:
                q.prompt = "Paint where a knot in the " + side + " " + (e ? inSentence(e->title) : plainName(catalog, q.muscle)) +
                           (e && e->knots.size() > 1 ? " (" + renderForSide(e->knots[std::size_t(q.knot)].name, q.side) + ")" : "") +
                           " sends pain.";
                break;
        }
    }
    return quiz;
}

bool nameMatches(const QuizQuestion& q, const std::string& answer, const Catalog& catalog) {
    const MuscleEntry* m = catalog.find(q.muscle);
    if (!m) return false;
    const std::string a = lower(answer);
    if (a.empty()) return false;
    if (a == lower(m->id) || a == lower(m->commonName) || a == lower(m->latinName)) return true;
    return std::any_of(m->aliases.begin(), m->aliases.end(), [&](const std::string& alias) { return a == lower(alias); });
}

bool findMatches(const QuizQuestion& q, const std::string& muscleId, Side side) { return muscleId == q.muscle && side == q.side; }

bool refersMatches(const QuizQuestion& q, const std::string& muscleId, const KnowledgeBase& kb, std::optional<int> knot) {
    const KnowledgeEntry* e = kb.forMuscle(muscleId);
    if (!e || e->id != q.entry) return false;
    return !knot || *knot == q.knot;
}

PaintScore scorePaint(const QuizQuestion& q, const KnowledgeBase& kb, const SkinMap& skin, const std::vector<std::uint8_t>& drawn) {
    PaintScore s;
    const KnowledgeEntry* e = kb.find(q.entry);
    if (!e || drawn.size() != skin.vertexCount()) return s;
    const std::vector<float>& area = skin.vertexAreas();
    // Per vertex: 2 inside an essential zone, 1 inside only a spillover zone.
    std::vector<std::uint8_t> zone(skin.vertexCount(), 0);
    for (const auto& shape : zoneShapes(*e, q.side, q.knot, skin.bvh())) {
        const ZoneField f = skin.field(shape);
        for (std::size_t i = 0; i < f.vertices.size(); ++i)
            if (f.signedDistance[i] <= 0.0f) zone[f.vertices[i]] = std::max<std::uint8_t>(zone[f.vertices[i]], shape.essential ? 2 : 1);
    }
    double drawnArea = 0.0, inside = 0.0, essential = 0.0, essentialDrawn = 0.0;
    for (std::size_t v = 0; v < zone.size(); ++v) {
        if (zone[v] == 2) {
            essential += area[v];
            if (drawn[v]) essentialDrawn += area[v];
        }
        if (!drawn[v]) continue;
        drawnArea += area[v];
        inside += zone[v] == 2 ? area[v] : zone[v] == 1 ? 0.5 * area[v] : 0.0;
    }
    s.inside = drawnArea > 0.0 ? inside / drawnArea : 0.0;
    s.covered = essential > 0.0 ? essentialDrawn / essential : 0.0;
    s.score = 0.5 * (s.inside + s.covered);
    s.passed = s.score >= 0.5;
    return s;
}

std::string progressPath() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home && *home ? home : ".") / ".local" / "share";
    return (base / "myomap" / "study-progress.json").string();
}

StudyProgress loadProgress(const std::string& path, std::string* notice) {
    StudyProgress p;
    std::ifstream in(path, std::ios::binary);
    if (!in) return p;  // a first session
    std::stringstream text;
    text << in.rdbuf();
    in.close();
    try {
        const json j = json::parse(text.str());
        if (!j.is_object() || j.value("format", std::string()) != "myomap-study-progress-1")
            throw std::runtime_error("not a Myomap study progress file");
        for (const auto& [key, box] : j.at("boxes").items()) {
            if (!box.is_number_integer() || box.get<int>() < 1 || box.get<int>() > 5) throw std::runtime_error("box of '" + key + "' is not 1 to 5");
            p.boxes[key] = box.get<int>();
        }
        p.answered = j.at("answered").get<int>();
        p.correct = j.at("correct").get<int>();
        if (p.answered < 0 || p.correct < 0 || p.correct > p.answered) throw std::runtime_error("the answer counts do not add up");
        return p;
    } catch (const std::exception& e) {
        // Never lost: the file is kept beside, under a name nothing overwrites.
        std::string aside;
        for (int n = 1; n < 1000; ++n) {
            aside = path + ".corrupt-" + std::to_string(n);
            if (!fs::exists(aside)) break;
        }
        std::error_code ec;
        fs::rename(path, aside, ec);
        if (notice)
            *notice = path + ": could not be read (" + e.what() + "); " + (ec ? "it was left where it is" : "it was kept as " + aside) +
                      " and study progress starts afresh.";
        return StudyProgress{};
    }
}

void saveProgress(const std::string& path, const StudyProgress& p) {
    json boxes = json::object();
    for (const auto& [key, box] : p.boxes) boxes[key] = box;
    const json j = {{"format", "myomap-study-progress-1"}, {"boxes", boxes}, {"answered", p.answered}, {"correct", p.correct}};
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    writeFileAtomically(path, j.dump(2) + "\n", "the study progress");
}

}  // namespace myomap
