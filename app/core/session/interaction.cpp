#include "core/session/interaction.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <glm/geometric.hpp>

#include "core/support/errors.h"

namespace myomap {

namespace {
constexpr double kGlideSeconds = 0.7;
constexpr float kMarkerHitRadius = 14.0f;  // window pixels around a knot's X
constexpr float kXrayOpacity = 0.35f;

std::string pointText(const glm::vec3& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%.4f, %.4f, %.4f]", p.x, p.y, p.z);
    return buf;
}
}  // namespace

Interaction::Interaction(const Pack& pack, const KnowledgeBase& knowledge, const ScenePicker& picker)
    : pack_(pack), knowledge_(knowledge), picker_(picker) {
    for (std::size_t i = 0; i < pack_.objects.size(); ++i)
        if (pack_.objects[i].layer == Layer::Skin) skinObject_ = static_cast<int>(i);
    if (skinObject_ >= 0) finder_ = std::make_unique<PainFinder>(knowledge_, picker_.bvh(static_cast<std::size_t>(skinObject_)));
    frameBody(ViewPreset::Front);
}

LayerVisibility Interaction::effectiveLayers() const {
    LayerVisibility l = state_.layers;
    const bool showing = !pattern_.empty() || state_.painFinder;
    // The user's own see-through setting stays; hidden or solid skin becomes x-ray.
    if (showing && (!l.skin || l.skinHidesMuscles())) {
        l.skin = true;
        l.skinOpacity = kXrayOpacity;
    }
    return l;
}

const DrawList& Interaction::drawList() const {
    if (drawListRevision_ != revision_) {
        drawList_ = buildDrawList({pack_, state_, effectiveLayers(), pattern_, camera_, viewport_, &picker_});
        drawListRevision_ = revision_;
    }
    return drawList_;
}

void Interaction::setViewportSize(glm::vec2 size) {
    size = glm::max(size, glm::vec2(1.0f));
    if (size == viewport_) return;
    viewport_ = size;
    changed();
}

void Interaction::frameBody(ViewPreset preset) {
    glide_.reset();
    camera_.frame(pack_.bodyBounds(), preset, viewport_.x / viewport_.y);
    changed();
}

void Interaction::setPose(const CameraPose& pose) {
    glide_.reset();
    applyPose(camera_, pose);
    changed();
}

std::optional<PickResult> Interaction::pickMuscle(glm::vec2 pixel) const {
    if (pixel.x < 0 || pixel.y < 0 || pixel.x >= viewport_.x || pixel.y >= viewport_.y) return std::nullopt;
    const LayerVisibility layers = effectiveLayers();
    return picker_.pick(camera_.rayThrough(pixel, viewport_), [&](const PackObject& o) { return isPickable(o, layers); });
}

MuscleRef Interaction::muscleAt(glm::vec2 pixel) const {
    const auto hit = pickMuscle(pixel);
    if (!hit) return {};
    const PackObject& o = pack_.objects.at(static_cast<std::size_t>(hit->objectIndex));
    return {o.muscleId, o.side};
}

int Interaction::markerAt(glm::vec2 pixel) const {
    for (const auto& k : pattern_.knots) {
        const auto p = camera_.project(k.position, viewport_);
        if (p && glm::distance(*p, pixel) < kMarkerHitRadius) return k.knot;
    }
    return -1;
}

ClickOutcome Interaction::click(glm::vec2 pixel) {
    ClickOutcome out;
    if (authorMode_) out.authorText = authoringPoints(pixel);
    if (state_.painFinder) {
        // The spot lands on the skin under the cursor, shown or not.
        if (skinObject_ < 0) return out;
        const MeshBvh& skin = picker_.bvh(static_cast<std::size_t>(skinObject_));
        if (const auto hit = skin.intersect(camera_.rayThrough(pixel, viewport_))) {
            const auto c = skin.closest(hit->point);
            addSpot({hit->point, c->normal}, "Spot " + std::to_string(state_.painSpots.size() + 1));
            out.kind = ClickOutcome::Kind::SpotAdded;
        }
        return out;
    }
    // A click on a knot marker shows that knot's pattern alone (a second click shows all).
    if (const int knot = markerAt(pixel); knot >= 0) {
        setKnot(state_.selectedKnot == knot ? -1 : knot);
        out.kind = ClickOutcome::Kind::KnotToggled;
        return out;
    }
    const MuscleRef ref = muscleAt(pixel);
    select(ref);
    out.kind = ref.empty() ? ClickOutcome::Kind::Cleared : ClickOutcome::Kind::Selected;
    return out;
}

std::string Interaction::authoringPoints(glm::vec2 pixel) const {
    // Content is written for the right side: left-side points are printed mirrored.
    auto right = [](glm::vec3 p, Side side) { return side == Side::Left ? glm::vec3(-p.x, p.y, p.z) : p; };
    std::string text;
    if (const auto hit = pickMuscle(pixel)) {
        const PackObject& o = pack_.objects[static_cast<std::size_t>(hit->objectIndex)];
        text += "author: muscle " + o.muscleId + " (" + sideName(o.side) + ") surface " + pointText(right(hit->point, o.side)) + "\n";
    }
    if (skinObject_ >= 0)
        if (const auto hit = picker_.bvh(static_cast<std::size_t>(skinObject_)).intersect(camera_.rayThrough(pixel, viewport_))) {
            const Side side = hit->point.x > 0.0f ? Side::Left : Side::Right;
            text += std::string("author: skin (") + sideName(side) + ") " + pointText(right(hit->point, side)) + "\n";
        }
    return text;
}

void Interaction::hover(glm::vec2 pixel) {
    const MuscleRef ref = muscleAt(pixel);
    if (ref == state_.hovered) return;
    state_.hovered = ref;
    changed();
}

void Interaction::hoverNothing() {
    if (state_.hovered.empty()) return;
    state_.hovered = {};
    changed();
}

void Interaction::drag(DragButton button, glm::vec2 delta) {
    glide_.reset();  // the user takes over
    if (button == DragButton::Left) camera_.orbit(-delta.x * 0.008f, delta.y * 0.008f);
    else camera_.pan(delta.x / viewport_.y, delta.y / viewport_.y);
    changed();
}

void Interaction::scroll(float steps) {
    glide_.reset();
    camera_.zoom(std::pow(0.88f, steps));
    changed();
}

void Interaction::key(KeyAction action) {
    constexpr float step = 0.08f;
    glide_.reset();
    switch (action) {
        case KeyAction::OrbitLeft: camera_.orbit(step, 0.0f); break;
        case KeyAction::OrbitRight: camera_.orbit(-step, 0.0f); break;
        case KeyAction::OrbitUp: camera_.orbit(0.0f, step); break;
        case KeyAction::OrbitDown: camera_.orbit(0.0f, -step); break;
        case KeyAction::ZoomIn: camera_.zoom(0.85f); break;
        case KeyAction::ZoomOut: camera_.zoom(1.0f / 0.85f); break;
        case KeyAction::ViewFront: camera_.setPreset(ViewPreset::Front); break;
        case KeyAction::ViewBack: camera_.setPreset(ViewPreset::Back); break;
        case KeyAction::ViewLeft: camera_.setPreset(ViewPreset::Left); break;
        case KeyAction::ViewRight: camera_.setPreset(ViewPreset::Right); break;
        case KeyAction::FrameAll: frameBody(ViewPreset::Front); break;
        case KeyAction::ClearSelection: select({}); break;
    }
    changed();
}

void Interaction::select(const MuscleRef& ref) {
    if (ref == state_.selected) return;
    if (ref.muscleId != state_.selected.muscleId) state_.selectedKnot = -1;
    state_.selected = ref;
    if (!state_.painFinder) rebuildPattern(true);
    changed();
}

void Interaction::setKnot(int knot) {
    if (knot == state_.selectedKnot) return;
    state_.selectedKnot = knot;
    if (!state_.painFinder) rebuildPattern(true);
    changed();
}

void Interaction::addSpot(const PainSpot& spot, const std::string& label) {
    state_.painSpots.push_back(spot);
    state_.painSpotLabels.push_back(label);
    if (state_.painFinder) rebuildPattern(true);
    changed();
}

void Interaction::notify(const std::string& message) {
    state_.notices.push_back(message);
    changed();
}

void Interaction::apply(const UiRequests& r) {
    if (r.dismissNotices && !state_.notices.empty()) {
        state_.notices.clear();
        changed();
    }
    if (r.layers) {
        state_.layers = *r.layers;
        changed();
    }
    if (r.audience && *r.audience != state_.audience) {
        state_.audience = *r.audience;
        changed();
    }
    if (r.painFinder && *r.painFinder != state_.painFinder) {
        state_.painFinder = *r.painFinder;
        rebuildPattern(true);
    }
    if (r.select) select(*r.select);
    if (r.knot) setKnot(*r.knot);
    if (r.focus && *r.focus != state_.focus) {
        state_.focus = *r.focus;
        if (!state_.painFinder) rebuildPattern(true);
        changed();
    }
    for (const auto& request : r.addSpots) {
        if (skinObject_ < 0) throw ArgumentError("the pack has no skin to place a pain spot on");
        PainSpot spot = snapToSkin(picker_.bvh(static_cast<std::size_t>(skinObject_)), request.point, request.maxSnap);
        spot.radius = request.radius;
        addSpot(spot, request.label);
    }
    if (r.removeSpot && *r.removeSpot < state_.painSpots.size()) {
        state_.painSpots.erase(state_.painSpots.begin() + static_cast<long>(*r.removeSpot));
        state_.painSpotLabels.erase(state_.painSpotLabels.begin() + static_cast<long>(*r.removeSpot));
        rebuildPattern(false);
    }
    if (r.clearSpots && !state_.painSpots.empty()) {
        state_.painSpots.clear();
        state_.painSpotLabels.clear();
        rebuildPattern(false);
    }
    if (r.preset) {
        glide_.reset();
        camera_.setPreset(*r.preset);
        changed();
    }
    if (r.frameAll) frameBody(ViewPreset::Front);
    // A selection with a pattern has already turned to it; one without glides to the muscle.
    if (r.focusSelection && !state_.selected.empty() && (pattern_.empty() || state_.painFinder)) glideToMuscle(state_.selected);
}

void Interaction::glideTo(const CameraPose& pose) {
    if (instantCamera_) {
        glide_.reset();
        applyPose(camera_, pose);  // screenshots show where the move ends
    } else {
        glide_ = Glide{poseOf(camera_), pose, -1.0};
    }
    changed();
}

void Interaction::glideToMuscle(const MuscleRef& ref) {
    const PackObject* o = pack_.find(ref.muscleId, ref.side);
    if (!o) return;
    // Keep the current direction of view; come close enough to see the muscle whole.
    CameraPose pose = poseOf(camera_);
    pose.target = o->bounds.center();
    pose.distance = std::clamp(3.0f * glm::length(o->bounds.size()), 0.5f, 2.5f);
    glideTo(pose);
}

void Interaction::advance(double now) {
    if (!glide_) return;
    if (glide_->start < 0.0) glide_->start = now;
    const float t = float((now - glide_->start) / kGlideSeconds);
    applyPose(camera_, blendPoses(glide_->from, glide_->to, std::min(t, 1.0f)));
    if (t >= 1.0f) glide_.reset();
    changed();
}

void Interaction::rebuildPattern(bool turnCamera) {
    ++patternRevision_;
    pattern_ = {};
    candidates_.clear();
    state_.highlighted.clear();
    changed();
    if (skinObject_ < 0) return;
    const MeshBvh& skin = picker_.bvh(static_cast<std::size_t>(skinObject_));
    if (state_.painFinder) {
        candidates_ = finder_->find(state_.painSpots, 8);
        for (const auto& c : candidates_) {
            for (const auto& id : c.entry->covers) state_.highlighted.push_back({id, c.side});
            for (std::size_t k = 0; k < c.entry->knots.size(); ++k)
                pattern_.knots.push_back({onSide(c.entry->knots[k].position, c.side), static_cast<int>(k)});
        }
        for (const auto& s : state_.painSpots) {
            PaintBlob b;
            b.center = s.point;
            b.normal = s.normal;
            b.radius = 0.022f;
            b.spot = true;
            pattern_.blobs.push_back(b);
        }
        // Frame the spots the way a pain pattern is framed, so they are easy to see.
        if (turnCamera && !state_.painSpots.empty()) {
            ReferralPattern spots;
            spots.knots.push_back({state_.painSpots.front().point, 0});
            for (const auto& s : state_.painSpots) spots.blobs.push_back({s.point, 0.12f, s.normal, true, false, 0});
            if (const auto pose = focusPose(spots, FocusMode::Pain, spots.blobs.front().normal, camera_.fovY)) glideTo(*pose);
        }
        return;
    }
    const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
    if (!e || !e->hasKnotData()) return;
    pattern_ = buildReferralPattern(*e, state_.selected.side, state_.selectedKnot, skin);
    if (!turnCamera || pattern_.empty()) return;
    glm::vec3 knotNormal(0.0f, 0.0f, 1.0f);
    const int object = pack_.indexOf(state_.selected.muscleId, state_.selected.side);
    if (object >= 0)
        if (const auto c = picker_.bvh(static_cast<std::size_t>(object)).closest(pattern_.knots.front().position)) knotNormal = c->normal;
    if (const auto pose = focusPose(pattern_, state_.focus, knotNormal, camera_.fovY)) glideTo(*pose);
}

}  // namespace myomap
