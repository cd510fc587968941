#pragma once
// `myomap author ...`: GL-free measuring commands for content authors, so knot sites and
// referral zones are measured on the pack instead of guessed. Prints plain text.

#include <ostream>
#include <string>
#include <vector>

#include "core/anatomy/pack.h"

namespace myomap {

/// Runs one authoring command. Throws ArgumentError for bad arguments.
void runAuthorCommand(const std::vector<std::string>& args, const Pack& pack, std::ostream& out);

/// The help text of `myomap author`.
std::string authorUsage();

/// Parses "X,Y,Z"; throws ArgumentError naming `what`.
glm::vec3 parsePoint(const std::string& text, const std::string& what);

}  // namespace myomap
