#pragma once
// Study mode's quizzes, GL-free: questions drawn from the catalog and the knowledge base
// with a seed (the same seed gives the same quiz), the scoring of each kind of answer, and
// a simple spaced repetition (Leitner boxes) so mistakes come back more often.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy/catalog.h"
#include "core/clinical/skin_map.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

enum class QuizKind {
    Name,    ///< a muscle is highlighted: choose or type its name
    Find,    ///< a name is given: click the muscle, on the right side
    Refers,  ///< a pain zone is painted: choose the muscle (and the knot)
    Paint,   ///< a muscle is named: paint where its knot refers pain
};

const char* quizKindName(QuizKind kind);           ///< "name", "find", "refers", "paint"
std::optional<QuizKind> parseQuizKind(const std::string& text);

struct QuizQuestion {
    QuizKind kind = QuizKind::Name;
    std::string muscle;  ///< the answer: a catalog id
    Side side = Side::Right;
    std::string entry;   ///< its knowledge entry (refers, paint)
    int knot = -1;       ///< the knot whose zone is painted or asked for (refers, paint)
    std::vector<std::string> choices;  ///< catalog ids, the answer among them (name, refers)
    std::string prompt;  ///< what the student reads
};

/// How often each question has been right: Leitner boxes 1 (new or just missed) to 5.
struct StudyProgress {
    std::map<std::string, int> boxes;  ///< by questionKey
    int answered = 0, correct = 0;

    int box(const std::string& key) const;
    /// A right answer moves the question up a box; a wrong one back to box 1.
    void record(const std::string& key, bool right);
};

/// "name:infraspinatus:left": the same question whatever its choices.
std::string questionKey(const QuizQuestion& q);

struct QuizOptions {
    QuizKind kind = QuizKind::Name;
    std::uint32_t seed = 1;
    int count = 10;
    std::string region;      ///< only muscles of this catalog region; empty for all
    bool knotDataOnly = false;  ///< only muscles whose entry maps knots (always for refers and paint)
    int choices = 4;
};

/// A quiz of up to `count` questions. Questions in lower boxes come first, so mistakes come
/// back sooner; within a box the seed decides. Throws ArgumentError when no muscle fits.
std::vector<QuizQuestion> makeQuiz(const Catalog& catalog, const KnowledgeBase& kb, const QuizOptions& options,
                                   const StudyProgress& progress = {});

/// A typed or chosen name: the catalog id, common or Latin name, or an alias, any case.
bool nameMatches(const QuizQuestion& q, const std::string& answer, const Catalog& catalog);
/// A clicked muscle: the right one on the right side.
bool findMatches(const QuizQuestion& q, const std::string& muscleId, Side side);
/// A chosen muscle for a painted zone: any muscle of the right entry (the knot, when given,
/// must be the one painted).
bool refersMatches(const QuizQuestion& q, const std::string& muscleId, const KnowledgeBase& kb, std::optional<int> knot = {});

/// How a pain drawing matches a knot's pattern on the skin map.
struct PaintScore {
    double inside = 0.0;   ///< share of the drawing inside the pattern (spillover counts half)
    double covered = 0.0;  ///< share of the essential zones the drawing fills
    double score = 0.0;    ///< their mean, 0 to 1
    bool passed = false;   ///< score of at least one half
};
/// `drawn` is one flag per skin map vertex.
PaintScore scorePaint(const QuizQuestion& q, const KnowledgeBase& kb, const SkinMap& skin, const std::vector<std::uint8_t>& drawn);

/// A muscle's name as it reads inside a sentence: a capital first letter lowered unless the
/// name starts with an abbreviation ("Transverse head" -> "transverse head", "SCM" stays).
std::string inSentence(std::string name);

/// The progress file in the XDG data folder ($XDG_DATA_HOME/myomap/study-progress.json).
std::string progressPath();
/// Reads progress. A missing file is a fresh start; a corrupt one is moved aside to
/// FILE.corrupt-N (never lost) and `notice` says so.
StudyProgress loadProgress(const std::string& path, std::string* notice = nullptr);
/// Writes progress atomically. Throws MyomapError.
void saveProgress(const std::string& path, const StudyProgress& progress);

}  // namespace myomap
