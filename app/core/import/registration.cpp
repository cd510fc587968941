#include "core/import/registration.h"

#include <cmath>
#include <fstream>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <sstream>

#include "core/support/errors.h"

namespace myomap {

RegistrationTable RegistrationTable::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw CatalogError(path + ": cannot open the registration table");
    RegistrationTable table;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::istringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');) cells.push_back(c);
        const std::string where = path + ":" + std::to_string(lineNo);
        if (cells[0] == "bone" && cells.size() == 4)
            table.bones.push_back({cells[1], cells[2], cells[3]});
        else if (cells[0] == "muscle" && cells.size() == 3)
            table.muscleRegion[cells[1]] = cells[2];
        else
            throw CatalogError(where + ": expected 'bone<TAB>region<TAB>zanatomy_bone<TAB>bp3d_part' or "
                                       "'muscle<TAB>zanatomy_node<TAB>region'");
    }
    return table;
}

glm::mat4 fitAffine(const std::vector<std::pair<glm::vec3, glm::vec3>>& pairs) {
    if (pairs.size() < 4) throw MyomapError("registration needs at least 4 point pairs, got " + std::to_string(pairs.size()));
    // Centre both clouds for conditioning, then solve the 3x3 linear part by normal equations.
    glm::dvec3 cp(0.0), cq(0.0);
    for (const auto& [p, q] : pairs) {
        cp += glm::dvec3(p);
        cq += glm::dvec3(q);
    }
    cp /= static_cast<double>(pairs.size());
    cq /= static_cast<double>(pairs.size());
    glm::dmat3 ppT(0.0), qpT(0.0);
    for (const auto& [p, q] : pairs) {
        const glm::dvec3 a = glm::dvec3(p) - cp, b = glm::dvec3(q) - cq;
        ppT += glm::outerProduct(a, a);
        qpT += glm::outerProduct(b, a);
    }
    if (std::abs(glm::determinant(ppT)) < 1e-18) throw MyomapError("registration points are coplanar; cannot fit an affine map");
    const glm::dmat3 linear = qpT * glm::inverse(ppT);
    const glm::dvec3 translation = cq - linear * cp;
    glm::dmat4 m(linear);
    m[3] = glm::dvec4(translation, 1.0);
    return glm::mat4(m);
}

std::vector<glm::vec3> boneLandmarks(const Mesh& bone) {
    const Bounds b = bone.bounds();
    std::vector<glm::vec3> pts{bone.surfaceCentroid()};
    for (int i = 0; i < 8; ++i)
        pts.emplace_back(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z);
    return pts;
}

void transformMesh(Mesh& mesh, const glm::mat4& affine) {
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(affine)));
    for (auto& p : mesh.positions) p = glm::vec3(affine * glm::vec4(p, 1.0f));
    for (auto& n : mesh.normals) n = glm::normalize(normalMatrix * n);
}

}  // namespace myomap
