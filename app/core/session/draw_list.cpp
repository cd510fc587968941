#include "core/session/draw_list.h"

#include "core/geometry/frustum.h"

#include <algorithm>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace myomap {

namespace {
const glm::vec3 kBoneColor(0.92f, 0.88f, 0.78f);
const glm::vec3 kSkinColor(0.93f, 0.76f, 0.66f);
const glm::vec3 kSelectedColor(1.0f, 0.80f, 0.18f);
const glm::vec3 kCandidateColor(1.0f, 0.55f, 0.10f);
const glm::vec3 kHoverColor(1.0f, 0.62f, 0.45f);
const glm::vec3 kSoftened(0.78f, 0.62f, 0.60f);

/// Knots just under a superficial muscle stay bright (that is where a finger presses);
/// only knots on the far side of the body fade.
bool isOccluded(const DrawListInputs& in, const glm::vec3& point) {
    if (!in.picker) return false;
    const glm::vec3 eye = in.camera.eye();
    const float distance = glm::length(point - eye);
    const Ray ray{eye, (point - eye) / distance};
    // The interactive meshes are close enough for a 4 cm margin, and far cheaper to index.
    const auto hit = in.picker->pick(
        ray, [&](const PackObject& o) { return o.layer == Layer::Skeleton ? in.layers.skeleton : isPickable(o, in.layers); },
        Lod::Interactive);
    return hit && hit->distance < distance - 0.04f;
}
}  // namespace

glm::vec3 muscleColor(const std::string& muscleId) {
    // FNV-1a: stable across runs and platforms, unlike std::hash.
    std::uint32_t h = 2166136261u;
    for (char c : muscleId) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
    const float a = float(h & 0xFF) / 255.0f - 0.5f;         // lightness
    const float b = float((h >> 8) & 0xFF) / 255.0f - 0.5f;  // hue toward orange or crimson
    const glm::vec3 base(0.68f, 0.17f, 0.15f);
    return glm::clamp(base * (1.0f + 0.30f * a) + glm::vec3(0.0f, 0.07f * b, 0.05f * -b), 0.0f, 1.0f);
}

bool isPickable(const PackObject& object, const LayerVisibility& layers) {
    return object.layer == Layer::Muscle && layers.muscles && !layers.skinHidesMuscles();
}

const DrawItem* DrawList::find(std::size_t object) const {
    for (const auto& i : items)
        if (i.object == object) return &i;
    return nullptr;
}

namespace {
std::vector<SideLabel> sideLabels(const DrawListInputs& in) {
    // Which way the patient's left (+X) points on the screen: along the screen's right
    // (a front view, as on a body map facing the patient), against it (from behind), or
    // mostly into or out of the screen (a side view, named by the side facing us).
    const glm::mat4 view = in.camera.view();
    const glm::vec3 screenRight(view[0][0], view[1][0], view[2][0]);
    const float along = screenRight.x;  // dot((1, 0, 0), screenRight)
    const float margin = 12.0f, top = 14.0f;
    std::vector<SideLabel> out;
    if (std::abs(along) >= 0.5f) {
        const bool front = along > 0.0f;  // the patient's right on the viewer's left
        out.push_back({{front ? margin : in.viewportSize.x - margin, top}, front ? 0.0f : 1.0f, "Patient's right"});
        out.push_back({{front ? in.viewportSize.x - margin : margin, top}, front ? 1.0f : 0.0f, "Patient's left"});
        out.push_back({{0.5f * in.viewportSize.x, top}, 0.5f, front ? "Seen from the front" : "Seen from behind"});
    } else {
        const bool fromRight = in.camera.eye().x < in.camera.target.x;
        out.push_back({{0.5f * in.viewportSize.x, top}, 0.5f, fromRight ? "Patient's right side" : "Patient's left side"});
    }
    return out;
}
}  // namespace

DrawList buildDrawList(const DrawListInputs& in) {
    DrawList list;
    const AppState& state = in.state;
    const bool anyChosen = !state.selected.empty() || !state.highlighted.empty();

    // Near objects first: the depth test then rejects hidden fragments before shading,
    // which is most of the cost on a software renderer.
    const glm::vec3 eye = in.camera.eye();
    std::vector<std::pair<float, std::size_t>> order;
    order.reserve(in.pack.objects.size());
    for (std::size_t i = 0; i < in.pack.objects.size(); ++i) {
        const Bounds& b = in.pack.objects[i].bounds;
        const glm::vec3 nearest = glm::clamp(eye, b.min, b.max);
        order.emplace_back(glm::dot(nearest - eye, nearest - eye), i);
    }
    std::sort(order.begin(), order.end());
    // What lies wholly outside the view costs nothing: a close-up leaves out most objects.
    const Frustum frustum(in.camera.projection(in.viewportSize.x / std::max(1.0f, in.viewportSize.y)) * in.camera.view());
    auto outsideView = [&](const PackObject& o) {
        if (!frustum.excludes(o.bounds)) return false;
        ++list.outsideView;
        return true;
    };
    // The shells were found with every muscle and bone in place; with either layer hidden,
    // what they covered can be seen, so whole objects are drawn.
    const bool wholeBody = in.layers.muscles && in.layers.skeleton && !in.layers.skinHidesMuscles();
    std::vector<std::size_t> skins;
    bool shownOrigin = false, shownInsertion = false;
    for (const auto& [distance2, i] : order) {
        const PackObject& o = in.pack.objects[i];
        if (o.layer == Layer::Skin) {
            if (in.layers.skin) skins.push_back(i);
            continue;
        }
        if (o.layer == Layer::Skeleton && !in.layers.skeleton) continue;
        if (o.layer == Layer::Attachment) {
            if (!in.layers.attachments || !in.layers.skeleton) continue;
            // One muscle's when one is chosen (its side only), every muscle's otherwise.
            if (!state.selected.empty() && (o.muscleId != state.selected.muscleId || o.side != state.selected.side))
                continue;
            if (outsideView(o)) continue;
            DrawItem item;
            item.object = i;
            item.decal = true;
            item.showThrough = !state.selected.empty();
            item.color = glm::vec4(o.kind == AttachmentKind::Origin ? kOriginColor : kInsertionColor, 1.0f);
            list.items.push_back(item);
            if (o.kind == AttachmentKind::Origin) shownOrigin = true;
            if (o.kind == AttachmentKind::Insertion) shownInsertion = true;
            continue;
        }
        // Opaque skin hides the muscles; skipping them also stops the few places where a
        // muscle's surface pokes through the thin skin mesh.
        if (o.layer == Layer::Muscle && (!in.layers.muscles || in.layers.skinHidesMuscles())) continue;
        if (outsideView(o)) continue;
        DrawItem item;
        item.object = i;
        item.shellOnly = wholeBody;
        glm::vec3 color = o.layer == Layer::Muscle ? muscleColor(o.muscleId) : kBoneColor;
        item.highlightColor = kSelectedColor;
        if (o.layer == Layer::Muscle) {
            const MuscleRef ref{o.muscleId, o.side};
            if (ref == state.selected) {
                item.highlight = 0.85f;
            } else if (std::find(state.highlighted.begin(), state.highlighted.end(), ref) != state.highlighted.end()) {
                // In study mode the highlighted muscle is the question (or its answer): as plain as a selection.
                item.highlight = state.study ? 0.85f : 0.6f;
                item.highlightColor = state.study ? kSelectedColor : kCandidateColor;
            } else if (ref == state.hovered) {
                item.highlight = 0.45f;
                item.highlightColor = kHoverColor;
            } else if (anyChosen) {
                color = glm::mix(color, kSoftened, 0.35f);  // so the chosen muscle stands out
            }
        }
        item.color = glm::vec4(color, 1.0f);
        list.items.push_back(item);
    }
    for (std::size_t i : skins) {
        DrawItem item;
        item.object = i;
        item.pass = in.layers.skinOpacity < 0.999f ? DrawPass::TranslucentSkin : DrawPass::OpaqueSkin;
        item.color = glm::vec4(kSkinColor, in.layers.skinOpacity);
        item.painted = true;
        list.items.push_back(item);
    }

    list.paint = in.paint;

    const bool finder = state.painFinder;
    // Study mode's "which muscle refers here?": the knot's mark would give the answer away.
    const bool hideKnots = state.study && state.study->asks(QuizKind::Refers) && !state.study->answered;
    for (const auto& k : in.pattern.knots) {
        if (hideKnots) break;
        const auto p = in.camera.project(k.position, in.viewportSize);
        if (!p) continue;
        DrawMarker m;
        m.position = k.position;
        m.screen = *p;
        m.knot = k.knot;
        m.small = finder;
        m.occluded = isOccluded(in, k.position);
        if (in.pattern.knots.size() > 1 && !finder) m.label = std::to_string(k.knot + 1);
        list.markers.push_back(m);
    }
    const bool attachmentsOfOne = in.layers.attachments && !state.selected.empty();
    const bool paintQuestion = state.study && state.study->asks(QuizKind::Paint);
    if (!in.pattern.empty() || finder || attachmentsOfOne || paintQuestion) list.sideLabels = sideLabels(in);
    if (state.presenting && !finder) {
        // Essential zones first, larger first; each place named once, where it is seen.
        std::vector<const PaintBlob*> order;
        for (const auto& b : in.pattern.blobs) order.push_back(&b);
        std::stable_sort(order.begin(), order.end(), [](const PaintBlob* a, const PaintBlob* b) {
            if (a->essential != b->essential) return a->essential;
            return a->radius > b->radius;
        });
        std::vector<std::string> named;
        for (const PaintBlob* b : order) {
            const glm::vec3 toEye = glm::normalize(in.camera.eye() - b->center);
            if (glm::dot(toEye, b->normal) < 0.3f || isOccluded(in, b->center + 0.01f * b->normal)) continue;
            const auto p = in.camera.project(b->center, in.viewportSize);
            if (!p || p->x < 0 || p->y < 0 || p->x > in.viewportSize.x || p->y > in.viewportSize.y) continue;
            if (b->where.empty() || std::find(named.begin(), named.end(), b->where) != named.end()) continue;
            named.push_back(b->where);
            list.zoneLabels.push_back({*p, b->where, b->essential});
        }
    }
    if (in.guide) {
        list.guides = in.guide->shapes;
        list.guideCaption = in.guide->caption;
    }
    if (!in.pattern.empty() && !finder) {
        if (!list.markers.empty()) list.legend.push_back({LegendKind::Knot, "Knot (trigger point)"});
        list.legend.push_back({LegendKind::EssentialZone, "Where the pain is usually felt"});
        list.legend.push_back({LegendKind::SpilloverZone, "Where some people also feel it"});
    }
    if (shownOrigin) list.legend.push_back({LegendKind::Origin, "Origin (where the muscle starts)"});
    if (shownInsertion) list.legend.push_back({LegendKind::Insertion, "Insertion (where it pulls on the bone)"});
    return list;
}

}  // namespace myomap
