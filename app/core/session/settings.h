#pragma once
// What the viewer remembers between runs: text audience, skin setting, text size, window
// size and position, and the last view. Kept in $XDG_CONFIG_HOME/myomap/settings.ini
// (~/.config/myomap/ when unset) as `name = value` lines, written atomically. A corrupt or
// unknown file falls back to defaults with a notice and is not overwritten until the user
// changes something.

#include <optional>
#include <string>

#include "core/clinical/care_sheet.h"
#include "core/session/view_focus.h"

namespace myomap {

struct Settings {
    Audience audience = Audience::Patient;
    bool skin = false;
    float skinOpacity = 1.0f;
    float textScale = 1.0f;  ///< 1.0 to 2.0
    int windowWidth = 1280, windowHeight = 800;
    std::optional<int> windowX, windowY;
    std::optional<CameraPose> view;  ///< where the camera was when the window closed

    bool operator==(const Settings& o) const;
    bool operator!=(const Settings& o) const { return !(*this == o); }
};

struct LoadedSettings {
    Settings settings;
    /// Set when the file was unreadable or had a bad line: what was wrong and that defaults
    /// are used. The file must then not be overwritten until the user changes a setting.
    std::string notice;
};

/// The settings file: $XDG_CONFIG_HOME/myomap/settings.ini, or ~/.config/myomap/settings.ini.
std::string settingsPath();
/// Where care plans go unless the user says otherwise: $XDG_DOCUMENTS_DIR, ~/Documents when
/// it exists, else the home folder.
std::string documentsFolder();

/// Reads `path`; a missing file gives the defaults with no notice.
LoadedSettings loadSettings(const std::string& path);
/// The file's text for `s`.
std::string settingsText(const Settings& s);
/// Writes atomically, creating the folder. Throws MyomapError naming the path.
void saveSettings(const std::string& path, const Settings& s);

}  // namespace myomap
