#pragma once
// The muscle catalog (models/muscles.tsv): stable muscle IDs, their names, region and
// source meshes per side. It is the one place muscle names live.

#include <optional>
#include <string>
#include <vector>

namespace myomap {

/// Which side of the body an object belongs to. Subject's right is at -X.
enum class Side { None, Right, Left };

const char* sideName(Side side);                       ///< "right", "left" or "none"
std::optional<Side> parseSide(const std::string& text);  ///< accepts right/left/r/l

/// A reference to mesh data in the sources folder, e.g. "bp3d:FJ1521" or "zanatomy:masseter".
struct SourceRef {
    std::string kind;  ///< "bp3d" or "zanatomy"
    std::string name;  ///< part file stem or Z-Anatomy node name
    std::string text() const { return kind + ":" + name; }
};

/// One muscle or named muscle part.
struct MuscleEntry {
    std::string id;           ///< stable snake_case id, e.g. "trapezius_descending"
    std::string commonName;   ///< English name
    std::string latinName;    ///< Terminologia Anatomica name
    std::string region;       ///< body region id, e.g. "neck"
    std::vector<std::string> aliases;
    std::vector<SourceRef> right, left;
    int line = 0;             ///< line in the catalog file, for error messages
};

/// A loaded catalog with lookups by id and by any name.
class Catalog {
public:
    /// Parses TSV text; `label` names it in errors. Throws CatalogError naming label:line.
    static Catalog parse(const std::string& text, const std::string& label);
    /// Reads and parses a catalog file.
    static Catalog load(const std::string& path);

    const std::vector<MuscleEntry>& muscles() const { return muscles_; }
    const MuscleEntry* find(const std::string& id) const;
    /// Muscles whose id, common, Latin name or alias contains every word of `query`
    /// (case-insensitive), best matches first (name starts with the query, then shorter names).
    std::vector<const MuscleEntry*> search(const std::string& query) const;
    /// The id a mistyped `text` most likely meant ("infraspinatis" -> "infraspinatus"):
    /// the best search hit, else the id within a small edit distance; nullptr if none.
    const MuscleEntry* suggest(const std::string& text) const;

private:
    std::vector<MuscleEntry> muscles_;
};

/// A context layer source row from models/layers.tsv.
struct LayerSource {
    std::string layer;  ///< "skin" or "skeleton"
    SourceRef source;
};

/// Reads models/layers.tsv. Throws CatalogError naming file:line.
std::vector<LayerSource> loadLayerSources(const std::string& path);

/// Splits "kind:name+kind:name"; throws CatalogError with `where` on malformed refs.
std::vector<SourceRef> parseSourceRefs(const std::string& text, const std::string& where);

/// Lower-cases ASCII letters.
std::string toLower(std::string s);

}  // namespace myomap
