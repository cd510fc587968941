#include "core/cli/author_commands.h"

#include <cmath>
#include <cstdio>
#include <glm/geometric.hpp>

#include "core/geometry/bvh.h"
#include "core/cli/numbers.h"
#include "core/support/errors.h"

namespace myomap {
namespace {

std::string fmt(const glm::vec3& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "[%.4f, %.4f, %.4f]", p.x, p.y, p.z);
    return buf;
}

const PackObject& muscle(const Pack& pack, const std::string& id, Side side) {
    const PackObject* o = pack.find(id, side);
    if (!o) throw ArgumentError("'" + id + "' is not a muscle in the pack (see models/muscles.tsv)");
    return *o;
}

const PackObject& skin(const Pack& pack) {
    const PackObject* o = pack.layer(Layer::Skin);
    if (!o) throw ArgumentError("the pack has no skin layer");
    return *o;
}

}  // namespace

glm::vec3 parsePoint(const std::string& text, const std::string& what) {
    float x, y, z;
    char extra;
    if (std::sscanf(text.c_str(), "%f,%f,%f%c", &x, &y, &z, &extra) != 3 || !std::isfinite(x) || !std::isfinite(y) ||
        !std::isfinite(z))
        throw ArgumentError(what + " '" + text + "' must be three numbers X,Y,Z in metres (e.g. -0.12,1.45,-0.05)");
    return {x, y, z};
}

std::string authorUsage() {
    return "usage: myomap author COMMAND ...   (right side unless noted; metres, +Y up, +Z front, right at -X)\n"
           "  muscle ID                   bounds, surface centroid and long axis of a muscle\n"
           "  surface ID X,Y,Z            the point on the muscle's surface nearest to X,Y,Z\n"
           "  muscle-ray ID X,Y,Z DX,DY,DZ  first point where a ray meets the muscle\n"
           "  skin X,Y,Z                  the skin point nearest to X,Y,Z, with its outward normal\n"
           "  skin-ray X,Y,Z DX,DY,DZ     first skin point along a ray (aim from outside the body)\n"
           "  slice Y                     the skin's extent in X and Z at height Y\n";
}

void runAuthorCommand(const std::vector<std::string>& args, const Pack& pack, std::ostream& out) {
    if (args.empty() || args[0] == "--help") {
        out << authorUsage();
        return;
    }
    const std::string& cmd = args[0];
    auto need = [&](std::size_t n) {
        if (args.size() != n + 1) throw ArgumentError("'author " + cmd + "' takes " + std::to_string(n) + " argument(s); see 'myomap author --help'");
    };
    if (cmd == "muscle") {
        need(1);
        const PackObject& o = muscle(pack, args[1], Side::Right);
        const Mesh& m = o.mesh(Lod::Full);
        const glm::vec3 c = m.surfaceCentroid();
        // Long axis: the farthest vertex from the centroid, then the farthest from that.
        glm::vec3 a = c, b = c;
        for (const auto& p : m.positions)
            if (glm::distance(p, c) > glm::distance(a, c)) a = p;
        for (const auto& p : m.positions)
            if (glm::distance(p, a) > glm::distance(b, a)) b = p;
        out << "muscle " << o.muscleId << " (right)\n  bounds min " << fmt(o.bounds.min) << " max " << fmt(o.bounds.max)
            << "\n  surface centroid " << fmt(c) << "\n  long axis from " << fmt(a) << " to " << fmt(b) << "\n";
    } else if (cmd == "surface") {
        need(2);
        const PackObject& o = muscle(pack, args[1], Side::Right);
        const MeshBvh bvh(o.mesh(Lod::Full));
        const auto c = bvh.closest(parsePoint(args[2], "point"));
        out << "surface " << fmt(c->point) << " distance " << c->distance << " normal " << fmt(c->normal) << "\n";
    } else if (cmd == "muscle-ray" || cmd == "skin-ray") {
        const bool onSkin = cmd == "skin-ray";
        need(onSkin ? 2 : 3);
        const PackObject& o = onSkin ? skin(pack) : muscle(pack, args[1], Side::Right);
        const std::size_t k = onSkin ? 1 : 2;
        const glm::vec3 dir = parsePoint(args[k + 1], "direction");
        if (glm::length(dir) < 1e-6f) throw ArgumentError("the direction must not be zero");
        const MeshBvh bvh(o.mesh(Lod::Full));
        const auto hit = bvh.intersect(Ray{parsePoint(args[k], "origin"), glm::normalize(dir)});
        if (!hit) out << "no hit\n";
        else out << "hit " << fmt(hit->point) << " distance " << hit->distance << "\n";
    } else if (cmd == "skin") {
        need(1);
        const MeshBvh bvh(skin(pack).mesh(Lod::Full));
        const auto c = bvh.closest(parsePoint(args[1], "point"));
        out << "skin " << fmt(c->point) << " distance " << c->distance << " normal " << fmt(c->normal) << "\n";
    } else if (cmd == "slice") {
        need(1);
        const float y = static_cast<float>(parseReal(args[1], -1.0, 3.0, "'author slice' height Y"));
        Bounds b;
        const Mesh& m = skin(pack).mesh(Lod::Full);
        for (const auto& p : m.positions)
            if (std::abs(p.y - y) < 0.005f) b.add(p);
        if (b.isEmpty()) out << "no skin at y=" << y << "\n";
        else out << "skin at y=" << y << ": x " << b.min.x << " .. " << b.max.x << ", z " << b.min.z << " .. " << b.max.z << "\n";
    } else {
        throw ArgumentError("unknown author command '" + cmd + "'; see 'myomap author --help'");
    }
}

}  // namespace myomap
