#pragma once
// What the command line asks the viewer to show at start-up (--select, --knot, --focus,
// --skin, --pain-point, ...), as the same requests the panel sends, checked against the
// catalog, the knowledge base and the pack before any window opens.

#include "core/anatomy/catalog.h"
#include "core/anatomy/pack.h"
#include "core/cli/cli.h"
#include "core/knowledge/knowledge_base.h"
#include "core/session/ui_requests.h"

namespace myomap {

/// Throws ArgumentError naming the option when a value does not fit the data.
UiRequests startupRequests(const CliOptions& options, const Catalog& catalog, const KnowledgeBase& knowledge, const Pack& pack);

}  // namespace myomap
