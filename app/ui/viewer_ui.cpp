#include "viewer_ui.h"

#include <imgui.h>

#include "core/care_sheet.h"
#include "core/side_text.h"

#include <algorithm>
#include <filesystem>

namespace myomap {

namespace {
const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kBoldFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/// A label and two radio buttons; `second` is true when the second is chosen. The buttons
/// move under the label when the panel is too narrow for one line.
void choice(const char* label, const char* first, const char* secondLabel, bool& second) {
    int value = second ? 1 : 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    const float needed = ImGui::CalcTextSize(label).x + ImGui::CalcTextSize(first).x + ImGui::CalcTextSize(secondLabel).x +
                         2.0f * radio + 2.0f * style.ItemSpacing.x;
    ImGui::TextUnformatted(label);
    if (needed <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();
    ImGui::RadioButton(first, &value, 0);
    ImGui::SameLine();
    ImGui::RadioButton(secondLabel, &value, 1);
    second = value == 1;
}

void sectionHeader(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.16f, 0.14f, 1.0f));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}
}  // namespace

std::string sideLabel(Side side) {
    switch (side) {
        case Side::Right: return "Right";
        case Side::Left: return "Left";
        default: return "";
    }
}

std::string regionLabel(const std::string& region) {
    std::string s = region;
    for (auto& c : s)
        if (c == '_') c = ' ';
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

ViewerUi::ViewerUi(const Catalog& catalog, const Pack& pack, const KnowledgeBase& knowledge)
    : catalog_(catalog), pack_(pack), knowledge_(knowledge) {}

void ViewerUi::setupFonts(float contentScale) {
    scale_ = contentScale > 0.5f ? contentScale : 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = 17.0f * scale_;
    if (std::filesystem::exists(kFontPath)) {
        io.Fonts->AddFontFromFileTTF(kFontPath, size);
        if (std::filesystem::exists(kBoldFontPath)) {
            titleFont_ = io.Fonts->AddFontFromFileTTF(kBoldFontPath, size * 1.35f);
            boldFont_ = io.Fonts->AddFontFromFileTTF(kBoldFontPath, size);
        }
    } else {
        ImFontConfig config;
        config.SizePixels = size;
        io.Fonts->AddFontDefault(&config);
    }
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.ItemSpacing = ImVec2(8.0f, 7.0f);
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.WindowPadding = ImVec2(14.0f, 12.0f);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.975f, 0.965f, 0.97f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.90f, 0.86f, 0.84f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.95f, 0.78f, 0.70f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.88f, 0.62f, 0.52f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.96f, 0.84f, 0.78f, 1.0f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.97f, 0.78f, 0.68f, 1.0f);
    style.Colors[ImGuiCol_CheckMark] = ImVec4(0.62f, 0.16f, 0.13f, 1.0f);
    style.Colors[ImGuiCol_SliderGrab] = ImVec4(0.62f, 0.16f, 0.13f, 1.0f);
    style.ScaleAllSizes(scale_);
    panelWidth_ = 420.0f * scale_;
}

void ViewerUi::layout(int windowWidth) {
    panelWidth_ = std::clamp(0.33f * float(windowWidth), 300.0f * scale_, 420.0f * scale_);
}

UiRequests ViewerUi::draw(AppState& state, int windowWidth, int windowHeight, bool patternShown, const std::vector<BodyArea>& areas,
                          const std::vector<PainCandidate>& candidates) {
    UiRequests requests;
    layout(windowWidth);
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(panelWidth_, float(windowHeight)));
    ImGui::Begin("Myomap", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoTitleBar);
    if (titleFont_) ImGui::PushFont(titleFont_);
    ImGui::TextUnformatted("Myomap");
    if (titleFont_) ImGui::PopFont();
    ImGui::TextDisabled("A 3D atlas of muscle knots");

    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.18f, 0.14f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.80f, 0.25f, 0.20f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));
    const char* finderLabel = state.painFinder ? "Done: back to the muscles" : "Where does it hurt?";
    if (ImGui::Button(finderLabel, ImVec2(-1.0f, 0.0f))) state.painFinder = !state.painFinder;
    ImGui::PopStyleColor(3);
    if (state.painFinder) {
        drawPainFinder(state, requests, areas, candidates);
    } else {
        drawSelection(state, requests);
        if (!state.selected.empty()) drawKnowledge(state, requests);
        drawSearch(state, requests);
    }
    drawLayers(state);

    sectionHeader("View");
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    if (ImGui::Button("Front", ImVec2(third, 0))) requests.preset = ViewPreset::Front;
    ImGui::SameLine();
    if (ImGui::Button("Back", ImVec2(third, 0))) requests.preset = ViewPreset::Back;
    ImGui::SameLine();
    if (ImGui::Button("Whole body", ImVec2(third, 0))) requests.frameAll = true;
    // Named from the subject's point of view, as anatomy atlases do.
    if (ImGui::Button("Their left side", ImVec2(1.5f * third, 0))) requests.preset = ViewPreset::Left;
    ImGui::SameLine();
    if (ImGui::Button("Their right side", ImVec2(1.5f * third + ImGui::GetStyle().ItemSpacing.x, 0)))
        requests.preset = ViewPreset::Right;
    ImGui::TextDisabled("Drag to turn, right-drag to move,\nscroll to zoom.");
    for (const auto& notice : state.notices) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.25f, 0.0f, 1.0f));
        ImGui::TextWrapped("%s", notice.c_str());
        ImGui::PopStyleColor();
    }
    if (state.selected.empty()) drawLearn();


    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), float(windowHeight) - ImGui::GetFrameHeightWithSpacing() - 12.0f * scale_));
    if (ImGui::Button("About and licences")) state.showAbout = true;
    ImGui::End();

    drawAbout(state);
    drawTooltip(state);
    if (patternShown) drawLegend(windowWidth, windowHeight);
    return requests;
}

void ViewerUi::drawSelection(AppState& state, UiRequests& requests) {
    sectionHeader("Selected muscle");
    const MuscleEntry* m = state.selected.empty() ? nullptr : catalog_.find(state.selected.muscleId);
    if (!m) {
        ImGui::TextWrapped("Click a muscle on the body, or find one by name below.");
        return;
    }
    // Patients know "upper trapezius" better than "descending part of trapezius".
    const KnowledgeEntry* entry = knowledge_.forMuscle(m->id);
    const bool singleEntry = entry && entry->covers.size() == 1;
    if (titleFont_) ImGui::PushFont(titleFont_);
    ImGui::TextWrapped("%s", singleEntry ? entry->title.c_str() : m->commonName.c_str());
    if (titleFont_) ImGui::PopFont();
    if (singleEntry && entry->title != m->commonName) ImGui::TextWrapped("%s", m->commonName.c_str());
    if (entry && !singleEntry) ImGui::TextWrapped("One of the %s", entry->title.c_str());
    if (!m->latinName.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.35f, 0.40f, 1.0f));
        ImGui::TextWrapped("%s", m->latinName.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Text("Side: %s   Region: %s", sideLabel(state.selected.side).c_str(), regionLabel(m->region).c_str());
    const Side other = state.selected.side == Side::Right ? Side::Left : Side::Right;
    const std::string otherLabel = "Show the " + toLower(sideLabel(other)) + " one";
    if (pack_.find(m->id, other) && ImGui::Button(otherLabel.c_str())) {
        state.selected.side = other;
        requests.focusSelection = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Clear")) state.select({});
}

void ViewerUi::drawKnowledge(AppState& state, UiRequests& requests) {
    const KnowledgeEntry* e = knowledge_.forMuscle(state.selected.muscleId);
    if (!e) return;
    ImGui::Spacing();
    bool clinician = state.audience == Audience::Clinician;
    choice("Text for:", "Patients", "Clinicians", clinician);
    state.audience = clinician ? Audience::Clinician : Audience::Patient;
    if (e->hasKnotData()) {
        bool knot = state.focus == FocusMode::Knot;
        choice("Show:", "Where it hurts", "The knot", knot);
        state.focus = knot ? FocusMode::Knot : FocusMode::Pain;
        if (e->knots.size() > 1) {
            const std::string current = state.selectedKnot < 0 ? std::string("All knots")
                                                               : std::to_string(state.selectedKnot + 1) + ". " + renderForSide(e->knots[state.selectedKnot].name, state.selected.side);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("##knot", current.c_str())) {
                if (ImGui::Selectable("All knots", state.selectedKnot < 0)) state.selectedKnot = -1;
                for (std::size_t k = 0; k < e->knots.size(); ++k) {
                    const std::string label = std::to_string(k + 1) + ". " + renderForSide(e->knots[k].name, state.selected.side);
                    if (ImGui::Selectable(label.c_str(), state.selectedKnot == static_cast<int>(k))) state.selectedKnot = static_cast<int>(k);
                }
                ImGui::EndCombo();
            }
        }
    }
    if (e->hasKnotData() && ImGui::Button("Save a printable self-care plan", ImVec2(-1.0f, 0.0f))) requests.saveCarePlan = true;
    for (const auto& section : buildCareSheet(*e, catalog_, knowledge_, state.audience, state.selected.side)) {
        const bool openByDefault = section.id == "overview" || section.id == "pain";
        ImGui::SetNextItemOpen(openByDefault, ImGuiCond_Appearing);
        const std::string header = section.title + "##" + section.id;
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        for (const auto& item : section.items) {
            switch (item.kind) {
                case CareItem::Kind::Heading:
                    if (boldFont_) ImGui::PushFont(boldFont_);
                    ImGui::TextWrapped("%s", item.text.c_str());
                    if (boldFont_) ImGui::PopFont();
                    break;
                case CareItem::Kind::Step:
                    ImGui::Text("%d.", item.number);
                    ImGui::SameLine();
                    ImGui::TextWrapped("%s", item.text.c_str());
                    break;
                case CareItem::Kind::Bullet:
                    ImGui::Bullet();
                    ImGui::TextWrapped("%s", item.text.c_str());
                    break;
                case CareItem::Kind::Fact:
                    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.10f, 0.08f, 1.0f));
                    ImGui::TextWrapped("%s", item.text.c_str());
                    ImGui::PopStyleColor();
                    break;
                case CareItem::Kind::Note:
                    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.40f, 0.40f, 0.45f, 1.0f));
                    ImGui::TextWrapped("%s", item.text.c_str());
                    ImGui::PopStyleColor();
                    break;
                default:
                    ImGui::TextWrapped("%s", item.text.c_str());
            }
        }
    }
}

void ViewerUi::drawPainFinder(AppState& state, UiRequests& requests, const std::vector<BodyArea>& areas,
                              const std::vector<PainCandidate>& candidates) {
    sectionHeader("Where does it hurt?");
    ImGui::TextWrapped("Click where it hurts on the body, or pick a place below. You can add more than one spot.");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##area", "Find a place, e.g. temple", areaBuffer_, sizeof areaBuffer_);
    ImGui::RadioButton("Right side", &areaSide_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Left side", &areaSide_, 1);
    if (areaBuffer_[0]) {
        const auto found = searchAreas(areas, areaBuffer_);
        for (std::size_t i = 0; i < found.size() && i < 6; ++i) {
            if (ImGui::Selectable((found[i]->name + "##area" + found[i]->id).c_str())) {
                glm::vec3 p = found[i]->point;
                if (areaSide_ == 1) p.x = -p.x;
                requests.addSpots.push_back({p, found[i]->radius, found[i]->name + (areaSide_ == 1 ? " (left)" : " (right)")});
                areaBuffer_[0] = 0;
            }
        }
        if (found.empty()) ImGui::TextDisabled("No place matches; try another word.");
    }
    if (!state.painSpots.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Your spots:");
        for (std::size_t i = 0; i < state.painSpots.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("Remove")) {
                state.removePainSpot(i);
                ImGui::PopID();
                break;
            }
            ImGui::SameLine();
            ImGui::TextUnformatted(state.painSpotLabels[i].c_str());
            ImGui::PopID();
        }
        if (ImGui::Button("Clear all spots")) state.clearPainSpots();
    }
    if (state.painSpots.empty()) return;
    sectionHeader("Muscles that may send pain there");
    if (candidates.empty()) ImGui::TextWrapped("No muscle in the atlas refers pain to these spots yet.");
    int rank = 0;
    for (const auto& c : candidates) {
        ImGui::PushID(rank);
        if (boldFont_) ImGui::PushFont(boldFont_);
        ImGui::TextWrapped("%d. %s (%s)", ++rank, c.entry->title.c_str(), toLower(sideLabel(c.side)).c_str());
        if (boldFont_) ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.35f, 0.40f, 1.0f));
        ImGui::TextWrapped("%s", (c.spotsCovered < static_cast<int>(state.painSpots.size())
                                      ? "Covers " + std::to_string(c.spotsCovered) + " of your spots: " + c.reason()
                                      : "Why: " + c.reason()).c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Open")) {
            state.painFinder = false;
            state.select({c.entry->covers.front(), c.side});
            requests.focusSelection = true;
        }
        ImGui::PopID();
    }
    ImGui::TextDisabled("A guide for learning, not a diagnosis.");
}

void ViewerUi::drawLegend(int windowWidth, int windowHeight) {
    const float pad = 10.0f * scale_;
    ImGui::SetNextWindowPos(ImVec2(float(windowWidth) - pad, float(windowHeight) - pad), ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::Begin("Legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float s = ImGui::GetTextLineHeight();
    auto swatch = [&](int kind) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 q(p.x + s, p.y + s);
        if (kind == 0) {
            draw->AddLine(p, q, IM_COL32(30, 10, 10, 255), 5.0f);
            draw->AddLine(ImVec2(p.x, q.y), ImVec2(q.x, p.y), IM_COL32(30, 10, 10, 255), 5.0f);
            draw->AddLine(p, q, IM_COL32(255, 236, 60, 255), 2.5f);
            draw->AddLine(ImVec2(p.x, q.y), ImVec2(q.x, p.y), IM_COL32(255, 236, 60, 255), 2.5f);
        } else if (kind == 1) {
            draw->AddRectFilled(p, q, IM_COL32(209, 8, 8, 255), 3.0f);
        } else {
            draw->AddRectFilled(p, q, IM_COL32(250, 158, 148, 255), 3.0f);
            for (float y = p.y + 2.0f; y < q.y; y += 5.0f)
                for (float x = p.x + 2.0f; x < q.x; x += 5.0f) draw->AddCircleFilled(ImVec2(x, y), 1.2f, IM_COL32(219, 31, 26, 255));
        }
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
    };
    swatch(0);
    ImGui::TextUnformatted("Knot (trigger point)");
    swatch(1);
    ImGui::TextUnformatted("Where the pain is usually felt");
    swatch(2);
    ImGui::TextUnformatted("Where some people also feel it");
    ImGui::End();
}

void ViewerUi::drawLearn() {
    if (knowledge_.topics().empty()) return;
    sectionHeader("About muscle knots");
    for (const auto& t : knowledge_.topics()) {
        if (ImGui::CollapsingHeader(t.title.c_str())) {
            for (const auto& para : t.body) ImGui::TextWrapped("%s", para.c_str());
            for (const auto& b : t.bullets) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", b.c_str());
            }
        }
    }
}

void ViewerUi::drawSearch(AppState& state, UiRequests& requests) {
    sectionHeader("Find a muscle");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##search", "Type a name, e.g. trapezius", searchBuffer_, sizeof searchBuffer_);
    state.search = searchBuffer_;
    if (state.search.empty()) return;
    const auto hits = catalog_.search(state.search);
    if (hits.empty()) {
        ImGui::TextDisabled("No muscle matches \"%s\".", state.search.c_str());
        return;
    }
    const int shown = std::min<int>(static_cast<int>(hits.size()), 8);
    for (int i = 0; i < shown; ++i) {
        const MuscleEntry* e = hits[static_cast<std::size_t>(i)];
        const bool available = pack_.find(e->id, Side::Right) != nullptr;
        const std::string label = e->commonName + (available ? "" : "  (no mesh in this pack)") + "##" + e->id;
        if (ImGui::Selectable(label.c_str(), state.selected.muscleId == e->id) && available) {
            state.select({e->id, state.selected.side == Side::Left ? Side::Left : Side::Right});
            requests.focusSelection = true;
        }
    }
    if (static_cast<int>(hits.size()) > shown) ImGui::TextDisabled("%d more; keep typing to narrow.", int(hits.size()) - shown);
}

void ViewerUi::drawLayers(AppState& state) {
    sectionHeader("Layers");
    ImGui::Checkbox("Muscles", &state.layers.muscles);
    ImGui::SameLine();
    ImGui::Checkbox("Bones", &state.layers.skeleton);
    ImGui::SameLine();
    ImGui::Checkbox("Skin", &state.layers.skin);
    if (state.layers.skin) {
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::SliderFloat("##skinopacity", &state.layers.skinOpacity, 0.1f, 1.0f, "Skin opacity %.2f");
    }
}

void ViewerUi::drawAbout(AppState& state) {
    if (state.showAbout) {
        ImGui::OpenPopup("About Myomap");
        state.showAbout = false;
    }
    ImGui::SetNextWindowSize(ImVec2(620.0f * scale_, 0.0f));
    if (ImGui::BeginPopupModal("About Myomap", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::TextWrapped("Myomap %s: an open 3D atlas of muscle knots. Educational only, not a diagnosis.", MYOMAP_VERSION);
        ImGui::Spacing();
        ImGui::TextWrapped("Anatomy: BodyParts3D, (c) The Database Center for Life Science, licensed under CC BY 4.0. "
                           "Mitsuhashi N. et al., Nucleic Acids Res. 2009;37:D782-5, doi:10.1093/nar/gkn613. "
                           "Get it from the DBCLS BodyParts3D download page.");
        ImGui::Spacing();
        ImGui::TextWrapped("Latissimus dorsi, quadratus lumborum, rectus abdominis, internal oblique, transversus "
                           "abdominis, multifidus, masseter, temporalis and the pterygoids: Z-Anatomy - The libre 3D "
                           "atlas of anatomy - CC BY-SA 4.0, registered into the BodyParts3D frame. Because the pack "
                           "mixes in Z-Anatomy, the pack as a whole is CC BY-SA 4.0.");
        ImGui::Spacing();
        ImGui::TextWrapped("See models/README.md for where to get the same sources.");
        ImGui::Spacing();
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void ViewerUi::drawTooltip(const AppState& state) {
    if (state.hovered.empty() || ImGui::GetIO().WantCaptureMouse) return;
    const MuscleEntry* m = catalog_.find(state.hovered.muscleId);
    if (!m) return;
    ImGui::BeginTooltip();
    ImGui::Text("%s (%s)", m->commonName.c_str(), toLower(sideLabel(state.hovered.side)).c_str());
    ImGui::EndTooltip();
}

}  // namespace myomap
