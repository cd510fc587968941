#pragma once
// `myomap query ...`: GL-free JSON answers for scripts and tests. The output format is
// documented as a JSON Schema in docs/query.schema.json.

#include <ostream>
#include <string>
#include <vector>

#include "core/anatomy/catalog.h"
#include "core/knowledge/knowledge_base.h"
#include "core/anatomy/pack.h"
#include "core/clinical/pain_finder.h"

namespace myomap {

struct QueryData {
    const Pack& pack;
    const Catalog& catalog;
    const KnowledgeBase& knowledge;
    const std::vector<BodyArea>& areas;
};

/// Runs `query muscles | muscle ID | pain ...`, printing JSON to `out`. Throws
/// ArgumentError (nothing printed) for bad arguments.
void runQueryCommand(const std::vector<std::string>& args, const QueryData& data, std::ostream& out);

std::string queryUsage();

}  // namespace myomap
