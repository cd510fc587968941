#include "viewer_ui.h"

#include "ui/font_lookup.h"

#include <imgui.h>

#include "core/clinical/care_sheet.h"
#include "core/knowledge/side_text.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace myomap {

namespace {

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
    : catalog_(catalog), pack_(pack), knowledge_(knowledge) {
    // Facts of the pack and content that never change: found once, not every frame.
    packHasAttachments_ = std::any_of(pack_.objects.begin(), pack_.objects.end(),
                                      [](const PackObject& o) { return o.layer == Layer::Attachment; });
    for (const auto& m : catalog_.muscles())
        if (const KnowledgeEntry* e = knowledge_.forMuscle(m.id);
            e && e->hasKnotData() && std::find(quizRegions_.begin(), quizRegions_.end(), m.region) == quizRegions_.end())
            quizRegions_.push_back(m.region);
    std::sort(quizRegions_.begin(), quizRegions_.end());
}

void ViewerUi::setupFonts(float contentScale, float textScale) {
    textScale_ = std::clamp(textScale, 1.0f, 2.0f);
    scale_ = (contentScale > 0.5f ? contentScale : 1.0f) * textScale_;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = 17.0f * scale_;
    if (const auto regular = findSansFontFile(false)) {
        io.Fonts->AddFontFromFileTTF(regular->c_str(), size);
        if (const auto bold = findSansFontFile(true)) {
            titleFont_ = io.Fonts->AddFontFromFileTTF(bold->c_str(), size * 1.35f);
            boldFont_ = io.Fonts->AddFontFromFileTTF(bold->c_str(), size);
        }
    } else {
        ImFontConfig config;
        config.SizePixels = size;
        io.Fonts->AddFontDefault(&config);
    }
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();  // sizes are scaled below from the defaults, also when rebuilt
    ImGui::StyleColorsLight();
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

UiRequests ViewerUi::draw(const AppState& state, const DrawList& list, glm::ivec2 windowSize, const ViewportRect& scene,
                          const std::vector<BodyArea>& areas, const std::vector<PainCandidate>& candidates, bool withPanel,
                          const std::vector<SceneView>& halves) {
    UiRequests requests;
    list_ = &list;
    if (withPanel) drawPanel(state, requests, windowSize, areas, candidates);
    if (halves.empty()) {
        drawMarkers(list, scene);
    } else {
        for (const auto& h : halves) drawMarkers(*h.list, h.rect);
        // A thin rule between the two figures, as on a printed chart.
        const ImVec2 top(float(halves.back().rect.x), float(scene.y)), bottom(top.x, float(scene.y + scene.height));
        ImGui::GetBackgroundDrawList()->AddLine(top, bottom, IM_COL32(150, 150, 160, 255), 1.5f);
    }
    if (withPanel) drawGuideCaption(list, scene);
    if (withPanel) {
        drawAbout();
        drawTooltip(state);
        if (!state.presenting) drawLegend(list, windowSize, false);  // presenting: in the panel
    }
    return requests;
}

void ViewerUi::drawPanel(const AppState& state, UiRequests& requests, glm::ivec2 windowSize, const std::vector<BodyArea>& areas,
                         const std::vector<PainCandidate>& candidates) {
    const int windowWidth = windowSize.x, windowHeight = windowSize.y;
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
    if (ImGui::Button(finderLabel, ImVec2(-1.0f, 0.0f))) requests.painFinder = !state.painFinder;
    ImGui::PopStyleColor(3);
    if (state.presenting && !state.painFinder) {
        drawPresentation(state, requests);
        ImGui::End();
        return;
    }
    if (state.study) {
        drawStudy(state, requests);
        ImGui::End();
        return;
    }
    if (state.painFinder) {
        drawPainFinder(state, requests, areas, candidates);
    } else {
        drawSelection(state, requests);
        if (!state.selected.empty()) drawKnowledge(state, requests);
        drawSearch(state, requests);
    }
    drawLayers(state, requests);

    sectionHeader("View");
    if (ImGui::Button("Present to a patient", ImVec2(-1.0f, 0))) requests.presenting = true;
    if (ImGui::Button("Study mode (quizzes)", ImVec2(-1.0f, 0))) {
        UiRequests::StartQuiz start;
        start.options.seed = static_cast<std::uint32_t>(ImGui::GetTime() * 1000.0) + 1u;
        start.options.knotDataOnly = true;  // the muscles Myomap maps, most of them on the surface
        start.progressFile = progressPath();
        requests.startQuiz = start;
    }
    if (ImGui::Button("Save picture (for slides)", ImVec2(-1.0f, 0))) requests.savePicture = true;
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
    bool split = state.frontAndBack;
    if (ImGui::Checkbox("Front and back, side by side", &split)) requests.frontAndBack = split;
    // A preset is one view: it ends the side-by-side chart.
    if (requests.preset || requests.frameAll) requests.frontAndBack = false;
    if (state.frontAndBack) ImGui::TextDisabled("The chart view stays still. Turn it off\nto turn the body.");
    else ImGui::TextDisabled("Drag to turn, right-drag to move,\nscroll to zoom.");
    for (const auto& notice : state.notices) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.25f, 0.0f, 1.0f));
        ImGui::TextWrapped("%s", notice.c_str());
        ImGui::PopStyleColor();
    }
    if (state.selected.empty()) drawLearn();

    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), float(windowHeight) - ImGui::GetFrameHeightWithSpacing() - 12.0f * scale_));
    if (ImGui::Button("About and licences")) showAbout_ = true;
    ImGui::End();
}

const std::vector<CareSection>& ViewerUi::careSheet(const KnowledgeEntry& entry, Audience audience, Side side) {
    if (sheet_.entry != &entry || sheet_.audience != audience || sheet_.side != side)
        sheet_ = {&entry, audience, side, buildCareSheet(entry, catalog_, knowledge_, audience, side)};
    return sheet_.sections;
}

void ViewerUi::drawMarkers(const DrawList& list, const ViewportRect& scene) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (const auto& m : list.markers) {
        // In the pain finder many candidates' knots show at once: smaller marks, no numbers.
        const float r = m.small ? 5.0f : 9.0f;
        const float outlineWidth = m.small ? 4.0f : 7.0f, fillWidth = m.small ? 2.0f : 3.5f;
        const ImVec2 c(m.screen.x + float(scene.x), m.screen.y + float(scene.y));
        // A dark outline under a bright X reads on red muscle and pale skin alike.
        const ImU32 outline = m.occluded ? IM_COL32(40, 20, 20, 90) : IM_COL32(30, 10, 10, 255);
        const ImU32 fill = m.occluded ? IM_COL32(255, 240, 120, 110) : IM_COL32(255, 236, 60, 255);
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline, outlineWidth);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), outline, outlineWidth);
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill, fillWidth);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), fill, fillWidth);
        if (!m.label.empty()) draw->AddText(ImVec2(c.x + r + 3.0f, c.y - r - 4.0f), outline, m.label.c_str());
    }
    // Zone callouts (presentation mode): a short leader line and the place name, skipped
    // where it would cover a label already placed.
    std::vector<ImVec4> placed;  // x0, y0, x1, y1
    for (const auto& m : list.markers) {  // nor the knots' marks
        const float r = (m.small ? 5.0f : 9.0f) + 4.0f;
        const ImVec2 c(m.screen.x + float(scene.x), m.screen.y + float(scene.y));
        placed.push_back(ImVec4(c.x - r, c.y - r, c.x + r, c.y + r));
    }
    for (const auto& z : list.zoneLabels) {
        const ImVec2 size = ImGui::CalcTextSize(z.text.c_str());
        const float pad = 4.0f * scale_;
        const ImVec2 at(float(scene.x) + z.screen.x, float(scene.y) + z.screen.y);
        const ImVec2 box(at.x + 18.0f * scale_, at.y - 18.0f * scale_ - size.y);
        const ImVec4 rect(box.x - pad, box.y - pad, box.x + size.x + pad, box.y + size.y + pad);
        const bool overlaps = std::any_of(placed.begin(), placed.end(), [&](const ImVec4& r) {
            return rect.x < r.z && r.x < rect.z && rect.y < r.w && r.y < rect.w;
        });
        if (overlaps || rect.z > float(scene.x + scene.width) || rect.y < float(scene.y)) continue;
        placed.push_back(rect);
        draw->AddLine(at, ImVec2(box.x, box.y + size.y), IM_COL32(40, 30, 30, 230), 1.5f * scale_);
        draw->AddCircleFilled(at, 3.0f * scale_, IM_COL32(40, 30, 30, 230));
        draw->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.z, rect.w), IM_COL32(255, 255, 255, 225), 4.0f);
        draw->AddText(box, z.essential ? IM_COL32(140, 20, 15, 255) : IM_COL32(90, 60, 60, 255), z.text.c_str());
    }
    // The patient's right and left, on a light box so they read on any background; in a
    // narrow view (one half of the front-and-back chart) a label that would cover another
    // moves down a line.
    std::vector<ImVec4> labelBoxes;
    for (const auto& label : list.sideLabels) {
        const ImVec2 size = ImGui::CalcTextSize(label.text.c_str());
        const float pad = 4.0f * scale_;
        const float x = float(scene.x) + label.screen.x - label.align * size.x;
        float y = float(scene.y) + label.screen.y;
        for (bool moved = true; moved;) {
            moved = false;
            for (const ImVec4& b : labelBoxes)
                if (x - pad < b.z && b.x < x + size.x + pad && y - pad < b.w && b.y < y + size.y + pad) {
                    y = b.w + pad + 2.0f;
                    moved = true;
                }
        }
        labelBoxes.push_back(ImVec4(x - pad, y - pad, x + size.x + pad, y + size.y + pad));
        draw->AddRectFilled(ImVec2(x - pad, y - pad), ImVec2(x + size.x + pad, y + size.y + pad), IM_COL32(255, 255, 255, 215), 4.0f);
        draw->AddText(ImVec2(x, y), IM_COL32(30, 30, 40, 255), label.text.c_str());
    }
}

void ViewerUi::drawSelection(const AppState& state, UiRequests& requests) {
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
    const bool otherExists = pack_.find(m->id, other) != nullptr;
    if (otherExists && ImGui::Button(otherLabel.c_str())) {
        requests.select = MuscleRef{m->id, other};
        requests.focusSelection = true;
    }
    if (otherExists) ImGui::SameLine();
    if (ImGui::Button("Clear")) requests.select = MuscleRef{};
}

void ViewerUi::drawKnowledge(const AppState& state, UiRequests& requests) {
    const KnowledgeEntry* e = knowledge_.forMuscle(state.selected.muscleId);
    if (!e) return;
    ImGui::Spacing();
    bool clinician = state.audience == Audience::Clinician;
    choice("Text for:", "Patients", "Clinicians", clinician);
    if (clinician != (state.audience == Audience::Clinician)) requests.audience = clinician ? Audience::Clinician : Audience::Patient;
    if (e->hasKnotData()) {
        bool knot = state.focus == FocusMode::Knot;
        choice("Show:", "Where it hurts", "The knot", knot);
        if (knot != (state.focus == FocusMode::Knot)) requests.focus = knot ? FocusMode::Knot : FocusMode::Pain;
        if (e->knots.size() > 1) {
            const std::string current = state.selectedKnot < 0 ? std::string("All knots")
                                                               : std::to_string(state.selectedKnot + 1) + ". " + renderForSide(e->knots[state.selectedKnot].name, state.selected.side);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("##knot", current.c_str())) {
                if (ImGui::Selectable("All knots", state.selectedKnot < 0)) requests.knot = -1;
                for (std::size_t k = 0; k < e->knots.size(); ++k) {
                    const std::string label = std::to_string(k + 1) + ". " + renderForSide(e->knots[k].name, state.selected.side);
                    if (ImGui::Selectable(label.c_str(), state.selectedKnot == static_cast<int>(k))) requests.knot = static_cast<int>(k);
                }
                ImGui::EndCombo();
            }
        }
    }
    if (e->hasKnotData() && ImGui::Button("Save a printable self-care plan", ImVec2(-1.0f, 0.0f))) requests.saveCarePlan = true;
    for (const auto& section : careSheet(*e, state.audience, state.selected.side)) {
        const bool openByDefault = section.id == "overview" || section.id == "pain";
        ImGui::SetNextItemOpen(openByDefault, ImGuiCond_Appearing);
        const std::string header = section.title + "##" + section.id;
        if (!ImGui::CollapsingHeader(header.c_str())) continue;
        // Each technique's heading gets a "Show me"; they come in the entry's order.
        const bool massage = section.id == "massage", stretches = section.id == "stretches";
        int technique = 0;
        for (const auto& item : section.items) {
            switch (item.kind) {
                case CareItem::Kind::Heading:
                    if (boldFont_) ImGui::PushFont(boldFont_);
                    ImGui::TextWrapped("%s", item.text.c_str());
                    if (boldFont_) ImGui::PopFont();
                    if (massage && technique < int(e->selfMassage.size())) {
                        showMeButton(state, requests, {TechniqueRef::Kind::SelfMassage, technique},
                                     e->selfMassage[std::size_t(technique)].setUpGiven);
                        ++technique;
                    } else if (stretches && technique < int(e->stretches.size())) {
                        showMeButton(state, requests, {TechniqueRef::Kind::Stretch, technique},
                                     !e->stretches[std::size_t(technique)].movement.empty());
                        ++technique;
                    }
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

void ViewerUi::drawStudy(const AppState& state, UiRequests& requests) {
    const StudySession& s = *state.study;
    sectionHeader("Study");
    ImGui::TextDisabled("%s quiz: %zu questions. Score: %d of %zu.", quizKindName(s.options.kind), s.questions.size(), s.right,
                        s.current + (s.answered ? 1 : 0));
    if (const QuizQuestion* q = s.question()) {
        ImGui::Text("Question %zu of %zu", s.current + 1, s.questions.size());
        if (boldFont_) ImGui::PushFont(boldFont_);
        ImGui::TextWrapped("%s", q->prompt.c_str());
        if (boldFont_) ImGui::PopFont();
        if (!s.answered) {
            if (q->kind == QuizKind::Find) ImGui::TextWrapped("Click the muscle on the body.");
            if (q->kind == QuizKind::Paint) {
                ImGui::TextWrapped("Paint on the body with the left mouse button; turn it with the right. Then check.");
                BrushState brush = state.brush;
                float cm = brush.radius * 100.0f;
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::SliderFloat("##quizbrush", &cm, 0.5f, 8.0f, "Brush %.1f cm")) {
                    brush.radius = cm / 100.0f;
                    requests.brush = brush;
                }
                if (ImGui::Checkbox("Eraser##quiz", &brush.eraser)) requests.brush = brush;
                const bool painted = !s.painting.empty();
                ImGui::BeginDisabled(!painted);
                if (ImGui::Button("Check my painting", ImVec2(-1.0f, 0.0f))) requests.checkPainting = true;
                if (ImGui::Button("Clear it", ImVec2(-1.0f, 0.0f))) requests.clearPainting = true;
                ImGui::EndDisabled();
            }
            for (const auto& id : q->choices) {
                const MuscleEntry* m = catalog_.find(id);
                const std::string label = (m ? m->commonName : id) + "##choice" + id;
                if (ImGui::Button(label.c_str(), ImVec2(-1.0f, 0.0f))) requests.quizAnswer = id;
            }
            if (q->kind == QuizKind::Name) {
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::InputTextWithHint("##typed", "or type its name (English or Latin) and press Enter", answerBuffer_,
                                             sizeof answerBuffer_, ImGuiInputTextFlags_EnterReturnsTrue)) {
                    requests.quizAnswer = std::string(answerBuffer_);
                    answerBuffer_[0] = '\0';
                }
            }
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, *s.answered ? ImVec4(0.10f, 0.45f, 0.15f, 1.0f) : ImVec4(0.65f, 0.15f, 0.10f, 1.0f));
            ImGui::TextWrapped("%s", s.feedback.c_str());
            ImGui::PopStyleColor();
            if (ImGui::Button(s.current + 1 < s.questions.size() ? "Next question" : "See the score", ImVec2(-1.0f, 0.0f)))
                requests.nextQuestion = true;
        }
    } else {
        if (titleFont_) ImGui::PushFont(titleFont_);
        ImGui::Text("%d of %zu right", s.right, s.questions.size());
        if (titleFont_) ImGui::PopFont();
        if (!s.mistakes.empty()) {
            sectionHeader("Review your mistakes");
            for (std::size_t i : s.mistakes) {
                const QuizQuestion& q = s.questions[i];
                const MuscleEntry* m = catalog_.find(q.muscle);
                const std::string label = (m ? m->commonName : q.muscle) + " (" + sideName(q.side) + ")##review" + std::to_string(i);
                if (ImGui::Button(label.c_str(), ImVec2(-1.0f, 0.0f))) requests.reviewMistake = i;
            }
            ImGui::TextDisabled("Missed questions come back sooner in your next quiz.");
        }
    }
    ImGui::Spacing();
    sectionHeader("New quiz");
    // Which part of the body the next quiz asks about; the muscles Myomap maps knots for.
    const std::string& current = quizRegion_;
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##quizregion", current.empty() ? "The whole body" : regionLabel(current).c_str())) {
        if (ImGui::Selectable("The whole body", current.empty())) quizRegion_.clear();
        for (const auto& r : quizRegions_)
            if (ImGui::Selectable(regionLabel(r).c_str(), r == current)) quizRegion_ = r;
        ImGui::EndCombo();
    }
    static constexpr QuizKind kinds[] = {QuizKind::Name, QuizKind::Find, QuizKind::Refers, QuizKind::Paint};
    static constexpr const char* labels[] = {"Name it", "Find it", "Which muscle refers here?", "Paint where it hurts"};
    for (int k = 0; k < 4; ++k) {
        if (ImGui::Button(labels[k], ImVec2(-1.0f, 0.0f))) {
            UiRequests::StartQuiz start{s.options, s.progressFile};
            start.options.kind = kinds[k];
            start.options.seed = s.options.seed + 1;
            start.options.region = quizRegion_;
            requests.startQuiz = start;
        }
    }
    if (ImGui::Button("Leave study mode", ImVec2(-1.0f, 0.0f))) requests.stopStudy = true;
    for (const auto& notice : state.notices) ImGui::TextWrapped("%s", notice.c_str());
}

void ViewerUi::showMeButton(const AppState& state, UiRequests& requests, const TechniqueRef& ref, bool available) {
    if (!available) return;
    const bool shown = state.technique && *state.technique == ref;
    const std::string label = std::string(shown ? "Hide it" : "Show me") + "##technique" +
                              (ref.kind == TechniqueRef::Kind::Stretch ? "s" : "m") + std::to_string(ref.index);
    if (ImGui::SmallButton(label.c_str())) {
        if (shown) requests.hideTechnique = true;
        else requests.showTechnique = ref;
    }
}

void ViewerUi::drawGuideCaption(const DrawList& list, const ViewportRect& scene) {
    if (list.guideCaption.empty()) return;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImVec2 size = ImGui::CalcTextSize(list.guideCaption.c_str());
    const float pad = 6.0f * scale_;
    const float x = float(scene.x) + 0.5f * (float(scene.width) - size.x);
    // Under the side labels at the top: the legend owns the bottom corner.
    const float y = float(scene.y) + size.y + 6.0f * pad;
    draw->AddRectFilled(ImVec2(x - pad, y - pad), ImVec2(x + size.x + pad, y + size.y + pad), IM_COL32(255, 255, 255, 235), 5.0f);
    draw->AddRect(ImVec2(x - pad, y - pad), ImVec2(x + size.x + pad, y + size.y + pad), IM_COL32(20, 40, 107, 255), 5.0f, 0, 1.5f);
    draw->AddText(ImVec2(x, y), IM_COL32(20, 40, 107, 255), list.guideCaption.c_str());
}

void ViewerUi::drawPresentation(const AppState& state, UiRequests& requests) {
    // Only what a patient across the room needs: the muscle, one sentence, the knot, where
    // they feel it and what to do, in large type.
    const KnowledgeEntry* e = state.selected.empty() ? nullptr : knowledge_.forMuscle(state.selected.muscleId);
    ImGui::Spacing();
    if (!e) {
        ImGui::TextWrapped("Click a muscle to show its knots and where they send pain.");
    } else {
        const Side side = state.selected.side;
        if (titleFont_) ImGui::PushFont(titleFont_);
        ImGui::TextWrapped("%s (%s side)", e->title.c_str(), sideName(side));
        if (titleFont_) ImGui::PopFont();
        const std::string summary = renderForSide(e->summary, side);
        const auto stop = summary.find(". ");
        ImGui::TextWrapped("%s", (stop == std::string::npos ? summary : summary.substr(0, stop + 1)).c_str());
        std::vector<const KnotSite*> knots;
        for (std::size_t k = 0; k < e->knots.size(); ++k)
            if (state.selectedKnot < 0 || static_cast<int>(k) == state.selectedKnot) knots.push_back(&e->knots[k]);
        if (!knots.empty()) {
            sectionHeader("The knot");
            for (const KnotSite* k : knots) {
                ImGui::TextWrapped("X  %s", renderForSide(k->name, side).c_str());
                if (k->clinicianOnly) ImGui::TextDisabled("Not one to press yourself: a clinician can check it.");
            }
            sectionHeader("Where you feel it");
            std::vector<std::string> places;
            for (const KnotSite* k : knots)
                for (const auto& b : k->referral.essential) {
                    const std::string place = renderForSide(b.where, side);
                    if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
                }
            std::string joined;
            for (std::size_t i = 0; i < places.size(); ++i) joined += (i ? ", " : "") + places[i];
            ImGui::TextWrapped("%s", joined.c_str());
        }
        if (list_) {
            ImGui::Spacing();
            drawLegend(*list_, {0, 0}, true);
        }
        if (!e->selfMassage.empty() || !e->stretches.empty()) {
            sectionHeader("Self-care");
            for (std::size_t i = 0; i < e->selfMassage.size(); ++i) {
                ImGui::TextWrapped("-  %s", renderForSide(e->selfMassage[i].name, side).c_str());
                ImGui::SameLine();
                showMeButton(state, requests, {TechniqueRef::Kind::SelfMassage, int(i)}, e->selfMassage[i].setUpGiven);
            }
            for (std::size_t i = 0; i < e->stretches.size(); ++i) {
                ImGui::TextWrapped("-  %s (stretch)", renderForSide(e->stretches[i].name, side).c_str());
                ImGui::SameLine();
                showMeButton(state, requests, {TechniqueRef::Kind::Stretch, int(i)}, !e->stretches[i].movement.empty());
            }
        }
        if (e->knots.size() > 1) {
            ImGui::Spacing();
            if (ImGui::Button(state.selectedKnot < 0 ? "Show one knot" : "Next knot")) requests.knotStep = 1;
            ImGui::SameLine();
            ImGui::TextDisabled(state.selectedKnot < 0 ? "All knots" : "Knot %d of %zu", state.selectedKnot + 1, e->knots.size());
        }
    }
    ImGui::Spacing();
    if (state.shortList.size() > 1 && ImGui::Button("Next muscle")) requests.muscleStep = 1;
    if (ImGui::Button("Turn back to the pattern")) requests.resetView = true;
    if (ImGui::Button(state.frontAndBack ? "One view" : "Front and back")) requests.frontAndBack = !state.frontAndBack;
    if (ImGui::Button("Leave presentation")) requests.presenting = false;
    ImGui::TextDisabled("Keys: Page Down / Page Up: knots. ] and [: muscles. R: back to the pattern.");
}

void ViewerUi::drawPainFinder(const AppState& state, UiRequests& requests, const std::vector<BodyArea>& areas,
                              const std::vector<PainCandidate>& candidates) {
    sectionHeader("Where does it hurt?");
    BrushState brush = state.brush;
    bool brushChanged = false;
    if (brush.on)
        ImGui::TextWrapped("Paint where you feel the pain: hold the left mouse button and move over the body. Drag with the right "
                           "button to turn the body.");
    else
        ImGui::TextWrapped("Click each place where you feel the pain. You can add more than one spot.");
    brushChanged |= ImGui::Checkbox("Paint with a brush", &brush.on);
    if (brush.on) {
        ImGui::SameLine();
        brushChanged |= ImGui::Checkbox("Eraser", &brush.eraser);
    }
    float sizeCm = brush.radius * 100.0f;
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderFloat("##brush", &sizeCm, 0.5f, 8.0f, "Brush size %.1f cm")) {
        brush.radius = sizeCm / 100.0f;
        brushChanged = true;
    }
    if (brushChanged) requests.brush = brush;
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##area", "Or find a place, e.g. temple", areaBuffer_, sizeof areaBuffer_);
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
    if (!state.drawing.empty()) {
        ImGui::Spacing();
        ImGui::Text("Your drawing: %.0f square cm", state.drawnAreaCm2);
        for (std::size_t i = 0; i < state.drawing.strokes.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("Remove")) requests.removeStroke = i;
            ImGui::SameLine();
            ImGui::TextUnformatted(state.drawing.strokes[i].label.c_str());
            ImGui::PopID();
        }
        if (ImGui::Button("Undo")) requests.undoStroke = true;
        ImGui::SameLine();
        if (ImGui::Button("Clear")) requests.clearDrawing = true;
        ImGui::SameLine();
        if (ImGui::Button("Save drawing")) requests.saveDrawing = std::string();
        if (!state.drawingFile.empty()) ImGui::TextDisabled("File: %s", state.drawingFile.c_str());
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##open", "Open a saved drawing: type its file path", drawingPath_, sizeof drawingPath_);
    if (drawingPath_[0]) {
        if (ImGui::Button("Open drawing")) requests.openDrawing = std::string(drawingPath_);
        ImGui::SameLine();
        if (ImGui::Button("Compare with this one")) requests.compareDrawing = std::string(drawingPath_);
    }
    if (state.compared) {
        // Two drawings of the same person: the earlier one outlined in orange, and the change.
        const double change = state.drawnAreaCm2 - state.compared->areaCm2;
        ImGui::TextWrapped("Orange outline: the drawing%s%s, %.0f square cm. Now: %.0f square cm (%s%.0f).",
                           state.compared->created.empty() ? "" : " of ", state.compared->created.substr(0, 10).c_str(),
                           state.compared->areaCm2, state.drawnAreaCm2, change >= 0.0 ? "+" : "", change);
        if (ImGui::SmallButton("Stop comparing")) requests.compareDrawing = std::string();
    }
    if (state.drawing.empty()) return;
    sectionHeader("Muscles that may send pain there");
    if (candidates.empty()) ImGui::TextWrapped("No muscle in the atlas refers pain to this drawing yet.");
    int rank = 0;
    for (const auto& c : candidates) {
        ImGui::PushID(rank);
        if (boldFont_) ImGui::PushFont(boldFont_);
        ImGui::TextWrapped("%d. %s (%s)", ++rank, c.entry->title.c_str(), toLower(sideLabel(c.side)).c_str());
        if (boldFont_) ImGui::PopFont();
        const ImVec4 colors[] = {ImVec4(0.05f, 0.45f, 0.15f, 1.0f), ImVec4(0.55f, 0.40f, 0.0f, 1.0f), ImVec4(0.45f, 0.45f, 0.50f, 1.0f)};
        const char* labels[] = {"Strong match", "Possible match", "Weak match"};
        const int level = static_cast<int>(c.confidence);
        ImGui::TextColored(colors[level], "%s", labels[level]);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.35f, 0.40f, 1.0f));
        ImGui::TextWrapped("%s", c.reason().c_str());
        ImGui::PopStyleColor();
        // Check by pressing: where the best-fitting knot is, and the question.
        const KnotSite& knot = c.entry->knots[static_cast<std::size_t>(c.bestKnot)];
        if (knot.clinicianOnly) {
            ImGui::TextWrapped("Its knot is one you should not press yourself: nerves and blood vessels lie close to it. A clinician "
                               "can check it for you.");
        } else {
            ImGui::TextWrapped("Its knot: %s. %s", renderForSide(knot.name, c.side).c_str(), renderForSide(knot.palpation, c.side).c_str());
            ImGui::TextWrapped("Does pressing here bring on your familiar pain?");
            const PressAnswer answers[] = {PressAnswer::Yes, PressAnswer::No, PressAnswer::NotSure};
            const char* names[] = {"Yes", "No", "Not sure"};
            for (int a = 0; a < 3; ++a) {
                if (a) ImGui::SameLine();
                const bool chosen = c.answer && c.answer->answer == answers[a];
                if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.75f, 0.95f, 1.0f));
                if (ImGui::SmallButton(names[a])) requests.press = UiRequests::PressRequest{c.entry->id, c.side, answers[a]};
                if (chosen) ImGui::PopStyleColor();
            }
        }
        if (ImGui::SmallButton("Open this muscle")) {
            requests.painFinder = false;
            requests.select = MuscleRef{c.entry->covers.front(), c.side};
            requests.focusSelection = true;
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::TextDisabled("A guide for learning, not a diagnosis.");
}

void ViewerUi::drawLegend(const DrawList& list, glm::ivec2 windowSize, bool inPanel) {
    if (list.legend.empty()) return;
    const int windowWidth = windowSize.x, windowHeight = windowSize.y;
    const float pad = 10.0f * scale_;
    if (!inPanel) {
        ImGui::SetNextWindowPos(ImVec2(float(windowWidth) - pad, float(windowHeight) - pad), ImGuiCond_Always, ImVec2(1.0f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.9f);
        ImGui::Begin("Legend", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    }
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
        } else if (kind == 3 || kind == 4) {
            const glm::vec3 c = 255.0f * (kind == 3 ? kOriginColor : kInsertionColor);
            draw->AddRectFilled(p, q, IM_COL32(int(c.r), int(c.g), int(c.b), 255), 3.0f);
        } else {
            draw->AddRectFilled(p, q, IM_COL32(250, 168, 158, 255), 3.0f);
            for (float y = p.y + 2.0f; y < q.y; y += 5.0f)
                for (float x = p.x + 2.0f; x < q.x; x += 5.0f) draw->AddCircleFilled(ImVec2(x, y), 1.2f, IM_COL32(214, 66, 56, 255));
        }
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
    };
    for (const auto& entry : list.legend) {
        switch (entry.kind) {
            case LegendKind::Knot: swatch(0); break;
            case LegendKind::EssentialZone: swatch(1); break;
            case LegendKind::SpilloverZone: swatch(2); break;
            case LegendKind::Origin: swatch(3); break;
            case LegendKind::Insertion: swatch(4); break;
        }
        ImGui::TextUnformatted(entry.text.c_str());
    }
    if (!inPanel) ImGui::End();
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

void ViewerUi::drawSearch(const AppState& state, UiRequests& requests) {
    sectionHeader("Find a muscle");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##search", "Type a name, e.g. trapezius", searchBuffer_, sizeof searchBuffer_);
    const std::string search = searchBuffer_;
    if (search.empty()) return;
    const auto hits = catalog_.search(search);
    if (hits.empty()) {
        ImGui::TextDisabled("No muscle matches \"%s\".", search.c_str());
        return;
    }
    // A hit opens on the side already chosen (right when none is).
    const Side side = state.selected.side == Side::Left ? Side::Left : Side::Right;
    const int shown = std::min<int>(static_cast<int>(hits.size()), 8);
    for (int i = 0; i < shown; ++i) {
        const MuscleEntry* e = hits[static_cast<std::size_t>(i)];
        const bool available = pack_.find(e->id, side) != nullptr;
        const std::string label = e->commonName + (available ? "" : "  (no mesh in this pack)") + "##" + e->id;
        if (ImGui::Selectable(label.c_str(), state.selected.muscleId == e->id) && available) {
            requests.select = MuscleRef{e->id, side};
            requests.focusSelection = true;
        }
    }
    if (static_cast<int>(hits.size()) > shown) ImGui::TextDisabled("%d more; keep typing to narrow.", int(hits.size()) - shown);
}

void ViewerUi::drawLayers(const AppState& state, UiRequests& requests) {
    sectionHeader("Layers");
    LayerVisibility layers = state.layers;
    bool changed = ImGui::Checkbox("Muscles", &layers.muscles);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Bones", &layers.skeleton);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Skin", &layers.skin);
    if (layers.skin) {
        ImGui::SetNextItemWidth(-1.0f);
        changed |= ImGui::SliderFloat("##skinopacity", &layers.skinOpacity, 0.1f, 1.0f, "Skin opacity %.2f");
    }
    ImGui::BeginDisabled(!packHasAttachments_);
    changed |= ImGui::Checkbox("Where muscles attach", &layers.attachments);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Origins (red) and insertions (blue) on the bones");
    if (!packHasAttachments_) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("This anatomy pack was built without attachments (insertions.glb).");
        ImGui::PopStyleColor();
    } else if (layers.attachments) {
        if (state.selected.empty()) {
            ImGui::TextWrapped("Every muscle's attachments. Red: origin. Blue: insertion. Choose a muscle from the "
                               "list to see only its own.");
        } else if (!pack_.findAttachment(state.selected.muscleId, state.selected.side, AttachmentKind::Origin) &&
                   !pack_.findAttachment(state.selected.muscleId, state.selected.side, AttachmentKind::Insertion)) {
            ImGui::TextWrapped("This pack has no attachment patches for this muscle.");
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Muscles are hidden so the bones show. Untick to click muscles again.");
        ImGui::PopStyleColor();
    }
    if (changed) requests.layers = layers;
    // Text size, 100-200%, for a screen turned to a patient across the room; saved.
    int percent = static_cast<int>(std::lround(textScale_ * 100.0f));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderInt("##textsize", &percent, 100, 200, "Text size %d%%") && ImGui::IsItemDeactivatedAfterEdit() == false)
        pendingTextScale_ = static_cast<float>(percent) / 100.0f;
    if (ImGui::IsItemDeactivatedAfterEdit() && pendingTextScale_) {
        requests.textScale = *pendingTextScale_;  // applied when the slider is let go: fonts are rebuilt once
        pendingTextScale_.reset();
    }
}

void ViewerUi::drawAbout() {
    if (showAbout_) {
        ImGui::OpenPopup("About Myomap");
        showAbout_ = false;
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
    if (state.study && !state.study->over() && !state.study->answered) return;  // names would give answers away
    const MuscleEntry* m = catalog_.find(state.hovered.muscleId);
    if (!m) return;
    ImGui::BeginTooltip();
    ImGui::Text("%s (%s)", m->commonName.c_str(), toLower(sideLabel(state.hovered.side)).c_str());
    ImGui::EndTooltip();
}

}  // namespace myomap
