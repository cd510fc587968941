#include "core/import/attachments.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/support/errors.h"

namespace myomap {

AttachmentTable AttachmentTable::parse(const std::string& text, const std::string& label) {
    AttachmentTable table;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::istringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');) cells.push_back(c);
        const std::string where = label + ":" + std::to_string(lineNo);
        for (const auto& c : cells)
            if (c.empty()) throw CatalogError(where + ": an empty cell (columns are separated by one tab)");
        if (cells[0] == "bone" && cells.size() == 4) {
            table.bones.push_back({cells[1], cells[2], cells[3]});
        } else if (cells[0] == "attach" && cells.size() == 6) {
            AttachmentRule rule;
            rule.node = cells[1];
            rule.bone = cells[2];
            rule.muscleId = cells[3];
            if (cells[4] == "origin")
                rule.kind = AttachmentKind::Origin;
            else if (cells[4] == "insertion")
                rule.kind = AttachmentKind::Insertion;
            else
                throw CatalogError(where + ": kind '" + cells[4] + "' is neither 'origin' nor 'insertion'");
            rule.region = cells[5];
            rule.line = lineNo;
            table.rules.push_back(std::move(rule));
        } else if (cells[0] == "skip" && cells.size() == 3) {
            table.skips.push_back({cells[1], cells[2], lineNo});
        } else {
            throw CatalogError(where +
                               ": expected 'attach<TAB>node<TAB>bone<TAB>muscle_id<TAB>origin|insertion<TAB>region', "
                               "'skip<TAB>node<TAB>reason' or 'bone<TAB>region<TAB>zanatomy_bone<TAB>bp3d_part'");
        }
    }
    return table;
}

AttachmentTable AttachmentTable::load(const std::string& path) {
    if (!std::filesystem::exists(path)) throw MissingSourceError(path + ": the attachment table does not exist");
    std::ifstream in(path);
    if (!in) throw CatalogError(path + ": cannot open the attachment table");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

bool AttachmentTable::mapsNode(const std::string& node) const {
    return std::any_of(rules.begin(), rules.end(), [&](const AttachmentRule& r) { return globMatch(r.node, node); });
}

std::vector<const AttachmentRule*> AttachmentTable::rulesFor(const std::string& node, const std::string& bone) const {
    std::vector<const AttachmentRule*> out;
    for (const auto& r : rules)
        if (globMatch(r.node, node) && globMatch(r.bone, bone)) out.push_back(&r);
    return out;
}

const AttachmentSkip* AttachmentTable::skipFor(const std::string& node) const {
    for (const auto& s : skips)
        if (globMatch(s.node, node)) return &s;
    return nullptr;
}

bool globMatch(const std::string& pattern, const std::string& text) {
    // Iterative wildcard match: remember the last '*' and retry from one character further.
    std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<Mesh> connectedPieces(const Mesh& mesh) {
    const std::vector<std::uint32_t> pieceOfVertex = connectedPieceOfEachVertex(mesh);
    // Pieces in the order their first triangle appears, so the result is deterministic.
    std::map<std::uint32_t, std::size_t> pieceOf;
    std::vector<Mesh> pieces;
    std::vector<std::vector<std::int64_t>> remaps;
    const bool haveNormals = mesh.normals.size() == mesh.positions.size();
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t root = pieceOfVertex[mesh.indices[t]];
        auto [it, fresh] = pieceOf.emplace(root, pieces.size());
        if (fresh) {
            pieces.emplace_back();
            remaps.emplace_back(mesh.positions.size(), -1);
        }
        Mesh& piece = pieces[it->second];
        auto& remap = remaps[it->second];
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[t + k];
            if (remap[v] < 0) {
                remap[v] = static_cast<std::int64_t>(piece.positions.size());
                piece.positions.push_back(mesh.positions[v]);
                if (haveNormals) piece.normals.push_back(mesh.normals[v]);
            }
            piece.indices.push_back(static_cast<std::uint32_t>(remap[v]));
        }
    }
    if (!haveNormals)
        for (auto& piece : pieces) piece.recomputeNormals();
    return pieces;
}

BoneLocator::BoneLocator(const std::vector<NamedMesh>& bones) : bones_(bones) {
    for (const auto& b : bones_) {
        bounds_.push_back(b.mesh.bounds());
        bvhs_.push_back(std::make_unique<MeshBvh>(b.mesh));
    }
}

BoneLocator::~BoneLocator() = default;

std::optional<BoneLocator::Hit> BoneLocator::nearest(const Mesh& piece, float reach) const {
    if (piece.positions.empty()) return std::nullopt;
    constexpr std::size_t kSamples = 32;
    const std::size_t step = std::max<std::size_t>(1, piece.positions.size() / kSamples);
    std::vector<glm::vec3> samples;
    for (std::size_t i = 0; i < piece.positions.size(); i += step) samples.push_back(piece.positions[i]);
    Bounds near = piece.bounds();
    near.min -= glm::vec3(reach);
    near.max += glm::vec3(reach);
    std::optional<Hit> best;
    for (std::size_t b = 0; b < bones_.size(); ++b) {
        const Bounds& box = bounds_[b];
        if (box.isEmpty() || box.min.x > near.max.x || box.max.x < near.min.x || box.min.y > near.max.y ||
            box.max.y < near.min.y || box.min.z > near.max.z || box.max.z < near.min.z)
            continue;
        // A sample beyond reach counts as `reach`: the bounded search stays cheap, and a
        // patch that leaves its bone for a while still finds it.
        double sum = 0.0;
        std::size_t inReach = 0;
        for (const auto& p : samples) {
            const auto c = bvhs_[b]->closest(p, reach);
            sum += c ? c->distance : reach;
            inReach += c ? 1 : 0;
        }
        if (inReach == 0) continue;
        const float mean = static_cast<float>(sum / static_cast<double>(samples.size()));
        if (!best || mean < best->meanDistance) best = Hit{b, mean};
    }
    return best;
}

std::size_t layOnSurface(Mesh& patch, const MeshBvh& surface, float reach, float lift) {
    std::size_t moved = 0;
    for (std::size_t i = 0; i < patch.positions.size(); ++i) {
        const auto c = surface.closest(patch.positions[i], reach);
        if (!c) continue;
        patch.positions[i] = c->point + lift * c->normal;
        patch.normals[i] = c->normal;
        ++moved;
    }
    return moved;
}

DistanceSummary summarizeDistances(std::vector<float> values) {
    DistanceSummary s;
    s.count = values.size();
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    auto rank = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
        return values[std::min(values.size() - 1, i == 0 ? 0 : i - 1)];
    };
    s.median = rank(0.5);
    s.p95 = rank(0.95);
    return s;
}

}  // namespace myomap
