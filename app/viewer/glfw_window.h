#pragma once
// RAII for GLFW: the library session and one window with an OpenGL 3.3 core context.

#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "render/gl_objects.h"

struct GLFWwindow;

namespace myomap {

class GlfwSession {
public:
    GlfwSession();  ///< throws GlError when no display can be opened
    ~GlfwSession();
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
};

class Window {
public:
    /// Creates a window with a GL 3.3 core context and makes it current. Throws GlError
    /// with a plain explanation when the driver offers no GL 3.3 core context.
    Window(int width, int height, const std::string& title, bool visible);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool shouldClose() const;
    void swapBuffers();
    /// Window coordinates: the units of mouse events, ImGui and the panel layout.
    glm::ivec2 windowSize() const;
    /// Framebuffer pixels: only for glViewport and offscreen targets (larger on HiDPI).
    glm::ivec2 framebufferSize() const;
    float contentScale() const;
    bool minimised() const;
    glm::ivec2 position() const;
    void moveTo(glm::ivec2 position);
    /// Full screen on the primary monitor at its own resolution, or back to a window.
    void setFullscreen(bool on);

    /// A key press or repeat, as GLFW reports it (key code and modifiers).
    struct KeyEvent {
        int key = 0, mods = 0;
    };
    /// Key presses since the last call. Installed before Dear ImGui's backend, which then
    /// chains to it, so the viewer never asks ImGui about GLFW key codes.
    std::vector<KeyEvent> takeKeyEvents();

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    GLFWwindow* window_ = nullptr;
    std::vector<KeyEvent> keys_;
};

}  // namespace myomap
