#include "viewer_ui.h"

#include <imgui.h>

#include <filesystem>

namespace myomap {

namespace {
const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kBoldFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

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
        if (std::filesystem::exists(kBoldFontPath)) titleFont_ = io.Fonts->AddFontFromFileTTF(kBoldFontPath, size * 1.35f);
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
    panelWidth_ = 360.0f * scale_;
}

UiRequests ViewerUi::draw(AppState& state, int /*windowWidth*/, int windowHeight) {
    UiRequests requests;
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(panelWidth_, float(windowHeight)));
    ImGui::Begin("Myomap", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoTitleBar);
    if (titleFont_) ImGui::PushFont(titleFont_);
    ImGui::TextUnformatted("Myomap");
    if (titleFont_) ImGui::PopFont();
    ImGui::TextDisabled("A 3D atlas of muscle knots");

    drawSelection(state, requests);
    if (!state.selected.empty()) drawKnowledge(state);
    drawSearch(state, requests);
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
    return requests;
}

void ViewerUi::drawSelection(AppState& state, UiRequests& requests) {
    sectionHeader("Selected muscle");
    const MuscleEntry* m = state.selected.empty() ? nullptr : catalog_.find(state.selected.muscleId);
    if (!m) {
        ImGui::TextWrapped("Click a muscle on the body, or find one by name below.");
        return;
    }
    if (titleFont_) ImGui::PushFont(titleFont_);
    ImGui::TextWrapped("%s", m->commonName.c_str());
    if (titleFont_) ImGui::PopFont();
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
    if (ImGui::Button("Clear")) state.selected = {};
}

void ViewerUi::drawKnowledge(const AppState& state) {
    const KnowledgeEntry* e = knowledge_.forMuscle(state.selected.muscleId);
    if (!e) return;
    ImGui::Spacing();
    ImGui::TextWrapped("%s", e->summary.c_str());
    if (!e->hasKnotData()) {
        ImGui::TextDisabled("No common knot pattern is recorded for this muscle.");
        return;
    }
    sectionHeader(e->covers.size() > 1 ? (e->title + ": common knots").c_str() : "Common knots");
    for (const auto& k : e->knots) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", k.name.c_str());
        std::string where;
        for (const auto& b : k.referral.essential) where += (where.empty() ? "" : ", ") + b.where;
        ImGui::Indent();
        ImGui::TextWrapped("Pain is felt: %s", where.c_str());
        if (!k.referral.spillover.empty()) {
            std::string some;
            for (const auto& b : k.referral.spillover) some += (some.empty() ? "" : ", ") + b.where;
            ImGui::TextDisabled("Sometimes also: %s", some.c_str());
        }
        ImGui::Unindent();
    }
    ImGui::TextDisabled("Educational only, not a diagnosis.");
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
            state.selected = {e->id, state.selected.side == Side::Left ? Side::Left : Side::Right};
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
