#include "core/anatomy/catalog.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/support/errors.h"

namespace myomap {
namespace {

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, '\t')) out.push_back(cell);
    if (!line.empty() && line.back() == '\t') out.emplace_back();
    return out;
}

std::vector<std::string> splitOn(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, sep))
        if (!item.empty()) out.push_back(item);
    return out;
}

bool isSnakeCase(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string readFile(const std::string& path, const char* what) {
    std::ifstream in(path);
    if (!in) throw CatalogError(path + ": cannot open the " + what);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

const char* sideName(Side side) {
    switch (side) {
        case Side::Right: return "right";
        case Side::Left: return "left";
        default: return "none";
    }
}

std::optional<Side> parseSide(const std::string& text) {
    const std::string t = toLower(text);
    if (t == "right" || t == "r") return Side::Right;
    if (t == "left" || t == "l") return Side::Left;
    return std::nullopt;
}

std::string toLower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<SourceRef> parseSourceRefs(const std::string& text, const std::string& where) {
    std::vector<SourceRef> refs;
    for (const auto& part : splitOn(text, '+')) {
        const auto colon = part.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == part.size())
            throw CatalogError(where + ": source '" + part + "' is not of the form kind:name (e.g. bp3d:FJ1521)");
        SourceRef ref{part.substr(0, colon), part.substr(colon + 1)};
        if (ref.kind != "bp3d" && ref.kind != "zanatomy")
            throw CatalogError(where + ": source kind '" + ref.kind + "' is unknown (expected bp3d or zanatomy)");
        refs.push_back(ref);
    }
    if (refs.empty()) throw CatalogError(where + ": no source mesh given");
    return refs;
}

Catalog Catalog::parse(const std::string& text, const std::string& label) {
    Catalog cat;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    bool sawHeader = false;
    std::set<std::string> ids;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto cells = splitTabs(line);
        const std::string where = label + ":" + std::to_string(lineNo);
        if (!sawHeader) {
            if (cells.size() < 6 || cells[0] != "id")
                throw CatalogError(where + ": expected the header 'id, common_name, latin_name, region, right, left[, aliases]'");
            sawHeader = true;
            continue;
        }
        if (cells.size() != 6 && cells.size() != 7)
            throw CatalogError(where + ": expected 6 or 7 tab-separated fields, found " + std::to_string(cells.size()));
        MuscleEntry e;
        e.id = cells[0];
        e.commonName = cells[1];
        e.latinName = cells[2];
        e.region = cells[3];
        e.line = lineNo;
        if (!isSnakeCase(e.id)) throw CatalogError(where + ": id '" + e.id + "' must be snake_case");
        if (!ids.insert(e.id).second) throw CatalogError(where + ": id '" + e.id + "' appears twice");
        if (e.commonName.empty()) throw CatalogError(where + ": muscle '" + e.id + "' has no common name");
        e.right = parseSourceRefs(cells[4], where + " (right)");
        e.left = parseSourceRefs(cells[5], where + " (left)");
        if (cells.size() == 7) e.aliases = splitOn(cells[6], ';');
        cat.muscles_.push_back(std::move(e));
    }
    if (!sawHeader) throw CatalogError(label + ": the catalog is empty (no header line)");
    return cat;
}

Catalog Catalog::load(const std::string& path) { return parse(readFile(path, "muscle catalog"), path); }

const MuscleEntry* Catalog::find(const std::string& id) const {
    for (const auto& m : muscles_)
        if (m.id == id) return &m;
    return nullptr;
}

std::vector<const MuscleEntry*> Catalog::search(const std::string& query) const {
    std::vector<std::string> words;
    std::istringstream in(toLower(query));
    for (std::string w; in >> w;) words.push_back(w);
    struct Hit {
        const MuscleEntry* entry;
        int rank;
    };
    std::vector<Hit> hits;
    for (const auto& m : muscles_) {
        std::vector<std::string> names{toLower(m.commonName), toLower(m.latinName), m.id};
        for (const auto& a : m.aliases) names.push_back(toLower(a));
        std::string id = m.id;
        std::replace(id.begin(), id.end(), '_', ' ');
        names.push_back(id);
        int best = -1;
        for (const auto& n : names) {
            const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) { return n.find(w) != std::string::npos; });
            if (!all) continue;
            // Prefer names that start with the query, then short names (closer matches).
            const int rank = (!words.empty() && n.rfind(words[0], 0) == 0 ? 0 : 1000) + static_cast<int>(n.size());
            if (best < 0 || rank < best) best = rank;
        }
        if (best >= 0) hits.push_back({&m, best});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.rank < b.rank; });
    std::vector<const MuscleEntry*> out;
    for (const auto& h : hits) out.push_back(h.entry);
    return out;
}

namespace {
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}
}  // namespace

const MuscleEntry* Catalog::suggest(const std::string& text) const {
    const auto hits = search(text);
    if (!hits.empty()) return hits.front();
    const MuscleEntry* best = nullptr;
    std::size_t bestDistance = std::max<std::size_t>(2, text.size() / 4) + 1;
    for (const auto& m : muscles_) {
        const std::size_t d = editDistance(toLower(text), m.id);
        if (d < bestDistance) {
            bestDistance = d;
            best = &m;
        }
    }
    return best;
}

std::vector<LayerSource> loadLayerSources(const std::string& path) {
    const std::string text = readFile(path, "layer table");
    std::vector<LayerSource> out;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    bool sawHeader = false;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        const auto cells = splitTabs(line);
        const std::string where = path + ":" + std::to_string(lineNo);
        if (!sawHeader) {
            sawHeader = true;
            if (cells.size() == 2 && cells[0] == "layer") continue;
            throw CatalogError(where + ": expected the header 'layer, source'");
        }
        if (cells.size() != 2) throw CatalogError(where + ": expected 2 tab-separated fields");
        if (cells[0] != "skin" && cells[0] != "skeleton")
            throw CatalogError(where + ": layer '" + cells[0] + "' is unknown (expected skin or skeleton)");
        for (const auto& ref : parseSourceRefs(cells[1], where)) {
            // Z-Anatomy bones sit in another frame and are only registered, not built into
            // the pack: a context layer comes from BodyParts3D parts alone.
            if (ref.kind != "bp3d")
                throw CatalogError(where + ": layer source '" + ref.text() + "' is not a BodyParts3D part (expected bp3d:FJxxxx)");
            out.push_back({cells[0], ref});
        }
    }
    return out;
}

}  // namespace myomap
