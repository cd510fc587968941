#pragma once
// A tiny scene for the interaction and draw-list tests: a skin box, a muscle with one knot
// and a zone on each side, a second muscle without knot data, and a bone behind them.

#include "core/anatomy/catalog.h"
#include "core/anatomy/pack.h"
#include "core/knowledge/knowledge_base.h"
#include "core/session/picking.h"
#include "support/test_support.h"

namespace myomap::test_support {

struct SessionScene {
    Pack pack;
    Catalog catalog = Catalog::parse(
        "id\tcommon_name\tlatin_name\tregion\tright\tleft\nfront_m\tFront\t\tneck\tbp3d:A\tbp3d:B\n"
        "plain_m\tPlain\t\tneck\tbp3d:C\tbp3d:D\n",
        "c.tsv");
    std::map<std::string, std::string> sources{{"s", "S"}};
    std::vector<BodyArea> areas;
    std::vector<EndangermentSite> sites;
    KnowledgeBase kb;
    std::unique_ptr<ScenePicker> picker;

    SessionScene() {
        auto add = [&](const char* id, Side side, Layer layer, const glm::vec3& a, const glm::vec3& b) {
            PackObject o;
            o.muscleId = id;
            o.side = side;
            o.layer = layer;
            // The skin is a fine grid, so the skin map can measure zones and dabs on it.
            o.lods[0] = o.lods[1] = layer == Layer::Skin ? makeGridBox(a, b, 0.02f) : makeBox(a, b);
            o.bounds = o.lods[0].bounds();
            pack.objects.push_back(o);
        };
        add("front_m", Side::Right, Layer::Muscle, {-0.30f, 0.90f, 0.10f}, {-0.10f, 1.30f, 0.28f});
        add("front_m", Side::Left, Layer::Muscle, {0.10f, 0.90f, 0.10f}, {0.30f, 1.30f, 0.28f});
        add("plain_m", Side::Right, Layer::Muscle, {-0.30f, 0.30f, 0.10f}, {-0.10f, 0.60f, 0.28f});
        add("plain_m", Side::Left, Layer::Muscle, {0.10f, 0.30f, 0.10f}, {0.30f, 0.60f, 0.28f});
        add("skeleton", Side::None, Layer::Skeleton, {-0.05f, 0.0f, -0.1f}, {0.05f, 1.7f, 0.0f});
        add("skin", Side::None, Layer::Skin, {-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
        // front_m's origin and insertion, thin plates on the front of the bone.
        for (Side side : {Side::Right, Side::Left}) {
            const float x = side == Side::Right ? -0.04f : 0.01f;
            add("front_m", side, Layer::Attachment, {x, 1.25f, -0.002f}, {x + 0.03f, 1.30f, 0.002f});
            pack.objects.back().kind = AttachmentKind::Origin;
            add("front_m", side, Layer::Attachment, {x, 0.92f, -0.002f}, {x + 0.03f, 0.96f, 0.002f});
            pack.objects.back().kind = AttachmentKind::Insertion;
        }
        const char* entry =
            "id: front\ncovers: [front_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
            "  - id: k\n    name: K\n    position: [-0.2, 1.1, 0.28]\n    palpation: P.\n    referral:\n"
            "      essential:\n        - {where: above, center: [-0.2, 1.5, 0.3], radius: 0.06}\n"
            "      spillover:\n        - {where: below, center: [-0.2, 0.8, 0.3], radius: 0.05}\n";
        kb = KnowledgeBase::withEntries({KnowledgeBase::parseEntry(entry, "front.yaml", catalog, {sources, areas, sites})});
        picker = std::make_unique<ScenePicker>(pack);
    }
};

}  // namespace myomap::test_support
