#include "core/clinical/technique_guide.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "core/clinical/referral_pattern.h"
#include "core/knowledge/side_text.h"

namespace myomap {
namespace {

constexpr float kPi = 3.14159265358979f;
// A technique may be seen from well above or below (a floor, the top of a shoulder).
constexpr float kGuidePitch = 1.2f;

// Colours chosen to read in black and white as well: light tools, dark arrows.
constexpr glm::vec4 kArrow{0.08f, 0.16f, 0.42f, 1.0f};
constexpr glm::vec4 kTennisBall{0.83f, 0.90f, 0.28f, 1.0f};
constexpr glm::vec4 kFirmBall{0.93f, 0.93f, 0.88f, 1.0f};
constexpr glm::vec4 kRoller{0.30f, 0.52f, 0.86f, 1.0f};
constexpr glm::vec4 kFinger{0.86f, 0.64f, 0.48f, 1.0f};
constexpr glm::vec4 kTool{0.30f, 0.30f, 0.32f, 1.0f};
constexpr glm::vec4 kWall{0.72f, 0.74f, 0.76f, 0.55f};
constexpr glm::vec4 kFloor{0.70f, 0.60f, 0.46f, 0.55f};

/// Any unit vector at right angles to `v`.
glm::vec3 perpendicular(const glm::vec3& v) {
    const glm::vec3 a = std::abs(v.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(v, a));
}

/// A frame whose z axis is `z` (unit), placed at `origin` and scaled by `scale`.
glm::mat4 frame(const glm::vec3& origin, const glm::vec3& z, const glm::vec3& scale) {
    const glm::vec3 x = perpendicular(z);
    const glm::vec3 y = glm::cross(z, x);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x * scale.x, 0.0f);
    m[1] = glm::vec4(y * scale.y, 0.0f);
    m[2] = glm::vec4(z * scale.z, 0.0f);
    m[3] = glm::vec4(origin, 1.0f);
    return m;
}

GuideShape sphere(const glm::vec3& centre, float radius, const glm::vec4& color) {
    return {GuideShape::Kind::Sphere, frame(centre, {0, 0, 1}, glm::vec3(radius)), color, false};
}

GuideShape cylinder(const glm::vec3& from, const glm::vec3& to, float radius, const glm::vec4& color, bool onTop = false) {
    const glm::vec3 d = to - from;
    const float length = std::max(glm::length(d), 1e-5f);
    return {GuideShape::Kind::Cylinder, frame(from, d / length, {radius, radius, length}), color, onTop};
}

/// A straight arrow from `from` to `to`, its head at `to`.
void arrow(std::vector<GuideShape>& out, const glm::vec3& from, const glm::vec3& to, float shaft = 0.006f) {
    const glm::vec3 d = to - from;
    const float length = glm::length(d);
    if (length < 1e-4f) return;
    const glm::vec3 u = d / length;
    const float head = std::min(0.4f * length, 4.0f * shaft + 0.012f);
    out.push_back(cylinder(from, to - u * head, shaft, kArrow, true));
    out.push_back({GuideShape::Kind::Cone, frame(to - u * head, u, {2.4f * shaft, 2.4f * shaft, head}), kArrow, true});
}

/// A curved arrow about `centre`: from `radius` along `start` sweeping `angle` toward
/// `toward` (both unit, at right angles), its head at the end.
void arcArrow(std::vector<GuideShape>& out, const glm::vec3& centre, const glm::vec3& start, const glm::vec3& toward, float radius,
              float from, float angle) {
    const int segments = 14;
    auto at = [&](float a) { return centre + radius * (std::cos(a) * start + std::sin(a) * toward); };
    const float shaft = std::clamp(0.035f * radius, 0.004f, 0.008f);
    const float headAngle = std::min(0.3f * angle, (5.0f * shaft + 0.012f) / radius);
    for (int i = 0; i < segments; ++i) {
        const float a0 = from + (angle - headAngle) * float(i) / segments;
        const float a1 = from + (angle - headAngle) * float(i + 1) / segments;
        out.push_back(cylinder(at(a0), at(a1), shaft, kArrow, true));
        out.push_back({GuideShape::Kind::Sphere, frame(at(a1), {0, 0, 1}, glm::vec3(shaft)), kArrow, true});  // round joints
    }
    const glm::vec3 base = at(from + angle - headAngle);
    const glm::vec3 tip = at(from + angle);
    const glm::vec3 u = glm::normalize(tip - base);
    out.push_back({GuideShape::Kind::Cone, frame(base, u, {2.6f * shaft, 2.6f * shaft, glm::distance(tip, base)}), kArrow, true});
}

std::string toolName(const SelfMassage& t) {
    std::string tool = t.tool;
    if (!tool.empty()) tool[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tool[0])));
    return tool;
}

/// Where a stretch's arrow starts (the moving part's direction from the joint) and which
/// way it sweeps, for the subject's right side (+X is the subject's left, toward the
/// midline); `toward` is -X for the sore (right) side and +X for the other.
struct Sweep {
    glm::vec3 start, toward;
    float radius;
};

Sweep sweepOf(const JointMovement& m) {
    const glm::vec3 up(0, 1, 0), down(0, -1, 0), front(0, 0, 1), back(0, 0, -1), lateral(-1, 0, 0), medial(1, 0, 0);
    const glm::vec3 sideways = (m.toward && *m.toward == RelativeSide::Other) ? medial : lateral;
    float radius = 0.2f;
    switch (m.joint) {
        case Joint::Jaw: radius = 0.07f; break;
        case Joint::Neck: radius = 0.13f; break;
        case Joint::UpperBack:
        case Joint::LowBack: radius = 0.28f; break;
        case Joint::ShoulderBlade: radius = 0.10f; break;
        case Joint::Shoulder: radius = 0.26f; break;
        case Joint::Elbow: radius = 0.20f; break;
        case Joint::Forearm: radius = 0.06f; break;
        case Joint::Wrist: radius = 0.10f; break;
        case Joint::Fingers: radius = 0.07f; break;
        case Joint::Thumb: radius = 0.06f; break;
        case Joint::Hip: radius = 0.34f; break;
        case Joint::Knee: radius = 0.28f; break;
        case Joint::Ankle: radius = 0.12f; break;
        case Joint::Toes: radius = 0.06f; break;
    }
    // The moving part's direction in the standing (anatomical) position.
    glm::vec3 part = down;
    if (m.joint == Joint::Neck || m.joint == Joint::UpperBack || m.joint == Joint::LowBack) part = up;
    if (m.joint == Joint::Toes || m.joint == Joint::Ankle) part = front;
    if (m.joint == Joint::Jaw) part = glm::normalize(glm::vec3(0, -0.6f, 1.0f));
    switch (m.motion) {
        case Motion::Flexion:
            if (m.joint == Joint::Knee) return {part, back, radius};
            if (m.joint == Joint::Toes) return {part, down, radius};
            return {part, front, radius};
        case Motion::Extension:
            if (m.joint == Joint::Knee) return {part, front, radius};
            if (m.joint == Joint::Toes) return {part, up, radius};
            return {part, back, radius};
        case Motion::Abduction: return {part, m.joint == Joint::Thumb ? front : lateral, radius};
        case Motion::Adduction: return {part, medial, radius};
        // Rotations about a limb's long axis: the front of the limb turns in or out.
        case Motion::MedialRotation: return {front, medial, 0.6f * radius};
        case Motion::LateralRotation: return {front, lateral, 0.6f * radius};
        case Motion::HorizontalAbduction: return {front, lateral, radius};
        case Motion::HorizontalAdduction: return {front, medial, radius};
        case Motion::Pronation: return {front, medial, radius};
        case Motion::Supination: return {front, lateral, radius};
        case Motion::Dorsiflexion: return {front, up, radius};
        case Motion::Plantarflexion: return {front, down, radius};
        case Motion::Inversion: return {down, medial, radius};
        case Motion::Eversion: return {down, lateral, radius};
        case Motion::Protraction: return {lateral, front, radius};
        case Motion::Retraction: return m.joint == Joint::Jaw ? Sweep{part, back, radius} : Sweep{lateral, back, radius};
        case Motion::Elevation: return {lateral, up, radius};
        case Motion::Depression: return {lateral, down, radius};
        case Motion::RadialDeviation: return {down, lateral, radius};
        case Motion::UlnarDeviation: return {down, medial, radius};
        case Motion::Rotation: return {front, sideways, radius};
        case Motion::LateralFlexion: return {up, sideways, radius};
        case Motion::Opening: return {part, glm::normalize(glm::vec3(0, -1.0f, -0.6f)), radius};
        case Motion::Protrusion: return {part, front, radius};
    }
    return {part, front, radius};
}

glm::vec3 mirrored(const glm::vec3& v) { return {-v.x, v.y, v.z}; }

/// Which way a wall pushes: level, from the side the steps say the patient stands to it
/// ("back to a wall", "face the wall"); the skin's slope alone cannot tell a ball on top of
/// the shoulder from one on the side of the neck.
glm::vec3 wallPush(const SelfMassage& t, const glm::vec3& n, const glm::vec3& knot) {
    glm::vec3 level(n.x, 0.0f, n.z);
    if (glm::length(level) < 0.35f) level = glm::vec3(0.0f, 0.0f, -1.0f);
    level = glm::normalize(level);
    std::string steps;
    for (const auto& step : t.steps) steps += " " + step;
    for (auto& ch : steps) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto says = [&](const char* phrase) { return steps.find(phrase) != std::string::npos; };
    if (says("back to a wall") || says("back near a wall") || says("back to the wall") || says("back against")) return {0, 0, -1};
    if (says("face the wall") || says("facing the wall") || says("facing a wall")) return {0, 0, 1};
    if (says("side to the wall") || says("side against")) return {knot.x < 0.0f ? -1.0f : 1.0f, 0, 0};
    return level;
}

}  // namespace

glm::vec3 principalAxis(const std::vector<glm::vec3>& points) {
    if (points.size() < 2) return {0, 1, 0};
    glm::vec3 mean(0.0f);
    for (const auto& p : points) mean += p;
    mean /= float(points.size());
    float c[3][3] = {};
    for (const auto& p : points) {
        const glm::vec3 d = p - mean;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) c[i][j] += d[i] * d[j];
    }
    // Power iteration from the widest coordinate: the covariance's largest eigenvector.
    glm::vec3 v(c[0][0] >= c[1][1] && c[0][0] >= c[2][2] ? 1.0f : 0.0f, c[1][1] > c[0][0] && c[1][1] >= c[2][2] ? 1.0f : 0.0f,
                c[2][2] > c[0][0] && c[2][2] > c[1][1] ? 1.0f : 0.0f);
    if (glm::length(v) < 0.5f) v = {0, 1, 0};
    for (int it = 0; it < 50; ++it) {
        const glm::vec3 w(c[0][0] * v.x + c[0][1] * v.y + c[0][2] * v.z, c[1][0] * v.x + c[1][1] * v.y + c[1][2] * v.z,
                          c[2][0] * v.x + c[2][1] * v.y + c[2][2] * v.z);
        const float len = glm::length(w);
        if (len < 1e-12f) return {0, 1, 0};
        v = w / len;
    }
    return v;
}

std::optional<TechniqueGuide> massageGuide(const SelfMassage& t, Side side, const glm::vec3& knot, const MeshBvh& skin,
                                           const glm::vec3& muscleAxis, float fovY) {
    if (!t.setUpGiven) return std::nullopt;
    const auto hit = skin.closest(knot, 0.3f);
    if (!hit) return std::nullopt;
    glm::vec3 s = hit->point;
    glm::vec3 n = hit->normal;
    // The outward normal: away from the knot when the knot lies under the skin.
    if (glm::dot(n, s - knot) < 0.0f && glm::distance(s, knot) > 0.003f) n = -n;
    if (t.against == MassageSurface::Wall) {
        // Against a wall the ball sits where the skin meets the wall's push, which may not be
        // the skin nearest the knot (the back of the shoulder, not the side of the neck).
        const glm::vec3 push = wallPush(t, n, knot);
        if (const auto h = skin.intersect({knot + push * 0.4f, -push}); h && glm::distance(h->point, knot) < 0.12f) {
            s = h->point;
            if (const auto c = skin.closest(s, 0.01f)) n = glm::dot(c->normal, push) >= 0.0f ? c->normal : -c->normal;
        }
    }
    // The muscle's direction along the skin, and across it.
    glm::vec3 along = muscleAxis - glm::dot(muscleAxis, n) * n;
    along = glm::length(along) < 1e-3f ? perpendicular(n) : glm::normalize(along);
    const glm::vec3 across = glm::normalize(glm::cross(n, along));

    // The picture is a side view, as exercise sheets draw it: body, tool and wall in
    // profile. The camera looks along the skin from the body's outer side.
    glm::vec3 outer(knot.x < -0.01f ? -1.0f : 1.0f, 0.0f, 0.0f);
    if (std::abs(knot.x) < 0.03f) outer = glm::vec3(0, 1, 0);  // on the midline: from above
    glm::vec3 profile = outer - glm::dot(outer, n) * n;
    profile = glm::length(profile) < 0.2f ? across : glm::normalize(profile);
    const glm::vec3 upInView = glm::normalize(glm::cross(profile, n));

    TechniqueGuide g;
    float reach = 0.03f;  // how far the tool stands off the skin
    const std::string tool = t.tool;
    if (tool.find("ball") != std::string::npos) {
        const float r = tool.find("tennis") != std::string::npos ? 0.033f : 0.031f;
        g.shapes.push_back(sphere(s + n * r, r, tool.find("tennis") != std::string::npos ? kTennisBall : kFirmBall));
        reach = 2.0f * r;
    } else if (tool.find("roller") != std::string::npos) {
        const float r = 0.075f;
        const glm::vec3 c = s + n * r;
        g.shapes.push_back(cylinder(c - across * 0.2f, c + across * 0.2f, r, kRoller));
        reach = 2.0f * r;
    } else if (tool.find("tool") != std::string::npos || tool.find("cane") != std::string::npos) {
        g.shapes.push_back(sphere(s + n * 0.012f, 0.012f, kTool));
        g.shapes.push_back(cylinder(s + n * 0.02f, s + n * 0.16f, 0.007f, kTool));
        reach = 0.16f;
    } else if (t.stroke == MassageStroke::Pinch) {
        // Thumb and finger either side of the knot, closing on it.
        for (float sign : {-1.0f, 1.0f}) {
            const glm::vec3 tip = s + across * (sign * 0.022f) + n * 0.012f;
            g.shapes.push_back(sphere(tip, 0.010f, kFinger));
            g.shapes.push_back(cylinder(tip, tip + across * (sign * 0.03f) + n * 0.07f, 0.010f, kFinger));
        }
        reach = 0.08f;
    } else {
        // A fingertip (or thumb) pressing on the knot.
        const glm::vec3 tip = s + n * 0.011f;
        g.shapes.push_back(sphere(tip, 0.011f, kFinger));
        g.shapes.push_back(cylinder(tip, tip + n * 0.075f + across * 0.02f, 0.011f, kFinger));
        reach = 0.085f;
    }
    // Which way the pressure comes: square to the skin, except that a wall stands upright,
    // so its push is level (a ball on top of the shoulder is pressed from behind).
    const glm::vec3 push = t.against == MassageSurface::Wall ? wallPush(t, n, knot) : n;
    if (t.against != MassageSurface::None) {
        // The wall or floor touches the far side of the tool.
        const glm::vec3 toolCentre = s + n * (0.5f * reach);
        const glm::vec3 c = toolCentre + push * (0.5f * reach + 0.005f);
        glm::mat4 m = frame(c, push, {0.30f, 0.36f, 0.01f});
        g.shapes.push_back({GuideShape::Kind::Box, m, t.against == MassageSurface::Wall ? kWall : kFloor, false});
    }
    // The pressure or the movement.
    // Beside the tool, in the plane the camera sees square on.
    const glm::vec3 beside = s + upInView * (std::min(reach, 0.07f) * 0.5f + 0.05f);
    std::string action;
    switch (t.stroke) {
        case MassageStroke::Press:
            arrow(g.shapes, beside + push * 0.12f, beside + push * 0.015f);
            action = t.against == MassageSurface::None ? "press and hold on the knot" : "lean in and hold on the knot";
            break;
        case MassageStroke::Roll: {
            const glm::vec3 lift = n * 0.02f;
            const float half = tool.find("roller") != std::string::npos ? 0.10f : 0.05f;
            arrow(g.shapes, s + along * half + lift, s + along * (half + 0.09f) + lift);
            arrow(g.shapes, s - along * half + lift, s - along * (half + 0.09f) + lift);
            action = "roll slowly back and forth along the muscle";
            break;
        }
        case MassageStroke::Strip:
            arrow(g.shapes, s - along * 0.05f + n * 0.02f + across * 0.03f, s + along * 0.09f + n * 0.02f + across * 0.03f);
            action = "glide slowly along the muscle";
            break;
        case MassageStroke::Pinch:
            for (float sign : {-1.0f, 1.0f})
                arrow(g.shapes, s + across * (sign * 0.10f) + n * 0.02f, s + across * (sign * 0.04f) + n * 0.02f);
            action = "pinch the muscle and roll it between thumb and fingers";
            break;
    }
    const std::string surface = t.against == MassageSurface::Wall    ? " against a wall"
                                : t.against == MassageSurface::Floor ? " on the floor"
                                                                     : "";
    g.caption = toolName(t) + surface + ": " + action;
    // Seen from the skin's side, turned a little so the tool and the surface show in profile.
    const glm::vec3 view = glm::normalize(profile + 0.4f * n);
    const float distance = std::clamp(0.22f / std::tan(0.5f * fovY), 0.45f, 1.2f);
    g.pose = lookingAlong(s + n * (0.5f * reach), view, distance, kGuidePitch);
    (void)side;
    return g;
}

std::optional<TechniqueGuide> stretchGuide(const Stretch& stretch, Side side, const KnowledgeBase& kb, float fovY) {
    if (stretch.movement.empty()) return std::nullopt;
    const JointMovement& m = stretch.movement.front();
    const JointCentre* joint = kb.findJoint(m.joint);
    if (!joint) return std::nullopt;
    const Sweep sweep = sweepOf(m);
    TechniqueGuide g;
    // Built for the sore side as the right; the other limb and a left selection mirror it.
    struct Place {
        glm::vec3 centre, start, toward;
    };
    std::vector<Place> places;
    // A limb turning about its own long axis shows best at the bent joint below it (the
    // forearm swinging in or out about the upper arm, the lower leg about the thigh).
    glm::vec3 centre = joint->centre;
    const bool turning = m.motion == Motion::MedialRotation || m.motion == Motion::LateralRotation;
    if (turning && (m.joint == Joint::Shoulder || m.joint == Joint::Hip))
        if (const JointCentre* below = kb.findJoint(m.joint == Joint::Shoulder ? Joint::Elbow : Joint::Knee)) centre = below->centre;
    auto placeFor = [&](bool otherLimb) {
        Place p{centre, sweep.start, sweep.toward};
        if (otherLimb) p = {mirrored(p.centre), mirrored(p.start), mirrored(p.toward)};
        if (side == Side::Left) p = {mirrored(p.centre), mirrored(p.start), mirrored(p.toward)};
        return p;
    };
    if (isAxial(m.joint) || m.side == RelativeSide::Sore) places.push_back(placeFor(false));
    if (!isAxial(m.joint) && m.side == RelativeSide::Other) places.push_back(placeFor(true));
    if (!isAxial(m.joint) && m.side == RelativeSide::Both) {
        places.push_back(placeFor(false));
        places.push_back(placeFor(true));
    }
    for (const auto& p : places) arcArrow(g.shapes, p.centre, p.start, p.toward, sweep.radius, 0.15f, 0.95f);
    // A dot on the joint, so the arrow reads as turning about it.
    for (const auto& p : places) g.shapes.push_back({GuideShape::Kind::Sphere, frame(p.centre, {0, 0, 1}, glm::vec3(0.012f)), kArrow, true});

    g.caption = describeMovement(m, renderForSide("{sore}", side), renderForSide("{other}", side));
    // Look square onto the plane of the movement, from the limb's outer side or the front.
    const Place& p = places.front();
    glm::vec3 view = glm::cross(p.start, p.toward);
    const glm::vec3 outward = isAxial(m.joint) ? glm::vec3(0, 0, 1) : glm::normalize(glm::vec3(p.centre.x, 0, 0) + glm::vec3(0, 0, 0.6f));
    if (glm::dot(view, outward) < 0.0f) view = -view;
    if (std::abs(view.y) > 0.75f) view = glm::normalize(glm::vec3(0, 1.2f, 0) + outward);  // a turn: from the front, above
    const glm::vec3 middle = p.centre + 0.5f * sweep.radius * (p.start + p.toward);
    const float distance = std::clamp(1.6f * sweep.radius / std::tan(0.5f * fovY) + 0.25f, 0.6f, 2.6f);
    g.pose = lookingAlong(middle, view, distance, kGuidePitch);
    return g;
}

std::optional<TechniqueGuide> techniqueGuide(const KnowledgeEntry& entry, const TechniqueRef& ref, Side side, int knot,
                                             const KnowledgeBase& kb, const MeshBvh& skin, const Mesh* muscle, float fovY) {
    if (ref.kind == TechniqueRef::Kind::Stretch) {
        if (ref.index < 0 || ref.index >= int(entry.stretches.size())) return std::nullopt;
        return stretchGuide(entry.stretches[std::size_t(ref.index)], side, kb, fovY);
    }
    if (ref.index < 0 || ref.index >= int(entry.selfMassage.size())) return std::nullopt;
    const SelfMassage& t = entry.selfMassage[std::size_t(ref.index)];
    const KnotSite* site = nullptr;
    if (knot >= 0 && knot < int(entry.knots.size()) && t.worksOn(entry.knots[std::size_t(knot)])) site = &entry.knots[std::size_t(knot)];
    for (const auto& k : entry.knots)
        if (!site && t.worksOn(k)) site = &k;
    if (!site) return std::nullopt;
    const glm::vec3 at = onSide(site->position, side);
    std::vector<glm::vec3> near;
    if (muscle)
        for (const auto& p : muscle->positions)
            if (glm::distance(p, at) < 0.10f) near.push_back(p);
    const glm::vec3 axis = near.size() >= 8 ? principalAxis(near) : glm::vec3(0, 1, 0);
    return massageGuide(t, side, at, skin, axis, fovY);
}

}  // namespace myomap
